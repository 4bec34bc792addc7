package smsplatform.domain.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smsplatform.domain.Failure;

class CallbackUrlPolicyTest {

    static final CallbackUrlPolicy PRODUCTION = new CallbackUrlPolicy(false);
    static final CallbackUrlPolicy LOCAL = new CallbackUrlPolicy(true);

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);   // literals only: parsed, not looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254",
            "127.0.0.1", "127.1.2.3", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1",
            "::1", "::", "fc00::1", "fd00:ec2::254", "fe80::1", "febf::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::10.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:a00:1::1"})
    void anAddressThatIsNotPublicIsRefusedInProduction(String address) {
        assertThat(PRODUCTION.refusal(ip(address))).as(address).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "192.167.1.1", "169.253.1.1", "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void aPublicAddressIsAllowed(String address) {
        assertThat(PRODUCTION.refusal(ip(address))).as(address).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/hook", "ftp://example.com/", "https://user:pw@example.com/",
            "https://user@example.com/", "https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/",
            "https://127.0.0.1:8443/", "https://[::1]/", "https://[fd00:ec2::254]/", "https://[::ffff:10.0.0.1]/",
            "https://0.0.0.0/", "https://999.1.1.1/", "https://example.com/#frag", "example.com/hook", "https:///path",
            "https://example.com:0/", "not a url", ""})
    void aUrlThatIsNotHttpsToAPublicHostIsRefusedWithItsCode(String url) {
        assertThatThrownBy(() -> PRODUCTION.check(url)).as(url).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.code()).isEqualTo(CallbackUrlPolicy.CODE);
            assertThat(f.field()).isEqualTo("url");
        });
    }

    @Test
    void anHttpsUrlToAHostNameOrAPublicAddressIsAccepted() {
        assertThat(PRODUCTION.check("https://hooks.example.com/sms?x=1")).hasHost("hooks.example.com");
        assertThat(PRODUCTION.check("https://93.184.216.34:8443/")).hasPort(8443);
    }

    @Test
    void theLocalStackAllowsHttpToLoopbackOnlyAndStillRefusesTheMetadataAddress() {
        assertThat(LOCAL.check("http://127.0.0.1:9000/hook")).hasPort(9000);
        assertThat(LOCAL.check("http://localhost:9000/hook")).hasHost("localhost");
        assertThatThrownBy(() -> LOCAL.check("http://169.254.169.254/latest/meta-data/")).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> LOCAL.check("http://10.0.0.1/")).isInstanceOf(Failure.class);
        URI local = URI.create("http://localhost:9000/");
        assertThat(LOCAL.choose(local, List.of(ip("127.0.0.1")))).isEqualTo(ip("127.0.0.1"));
        assertThatThrownBy(() -> LOCAL.choose(URI.create("http://hooks.example.com/"), List.of(ip("93.184.216.34"))))
                .isInstanceOf(CallbackUrlPolicy.Refused.class);
    }

    @Test
    void oneForbiddenAddressAmongTheAnswersRefusesTheAttempt() {
        URI url = URI.create("https://hooks.example.com/");
        assertThat(PRODUCTION.choose(url, List.of(ip("93.184.216.34")))).isEqualTo(ip("93.184.216.34"));
        assertThatThrownBy(() -> PRODUCTION.choose(url, List.of(ip("93.184.216.34"), ip("10.1.2.3"))))
                .isInstanceOf(CallbackUrlPolicy.Refused.class).hasMessageContaining("10.1.2.3");
        assertThatThrownBy(() -> PRODUCTION.choose(URI.create("https://localhost/"), List.of(ip("127.0.0.1"))))
                .isInstanceOf(CallbackUrlPolicy.Refused.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> PRODUCTION.choose(url, List.of())).isInstanceOf(CallbackUrlPolicy.Refused.class);
    }
}
