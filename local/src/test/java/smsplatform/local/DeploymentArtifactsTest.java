package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule for every deployment artifact: one HTTP client (URLConnection) and only the AWS
 * service clients the function calls. (Sizes are measured in bench/, not asserted here.)
 */
class DeploymentArtifactsTest {

    static final Map<String, Set<String>> SERVICES = Map.of(
            "signatures-api", Set.of("dynamodb", "s3", "sqs"),
            "certificate-check", Set.of("dynamodb", "s3", "sqs"),
            "review", Set.of("dynamodb", "s3", "sqs"),
            "sms", Set.of("dynamodb", "sqs", "sns"),
            "callbacks", Set.of("dynamodb", "sqs"));

    static final Set<String> OTHER_HTTP_CLIENTS = Set.of("software/amazon/awssdk/http/apache/",
            "software/amazon/awssdk/http/apache5/", "software/amazon/awssdk/http/nio/netty/",
            "software/amazon/awssdk/http/crt/", "org/apache/hc/", "org/apache/http/", "io/netty/");

    @Test
    void eachFunctionCarriesOneHttpClientAndOnlyTheServicesItCalls() throws Exception {
        Pattern service = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/.*");
        for (Map.Entry<String, Set<String>> function : SERVICES.entrySet()) {
            Path jar = RunningStack.PROJECT.resolve("functions/" + function.getKey() + "/target/function.jar");
            assertThat(jar).exists();
            Set<String> services = new TreeSet<>();
            boolean urlConnection = false;
            try (JarFile file = new JarFile(jar.toFile())) {
                for (var entries = file.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    Matcher m = service.matcher(name);
                    if (m.matches()) {
                        services.add(m.group(1));
                    }
                    urlConnection |= name.startsWith("software/amazon/awssdk/http/urlconnection/");
                    for (String other : OTHER_HTTP_CLIENTS) {
                        assertThat(name).as(function.getKey() + " carries another HTTP client").doesNotStartWith(other);
                    }
                }
            }
            assertThat(urlConnection).as(function.getKey()).isTrue();
            assertThat(services).as(function.getKey()).isEqualTo(new TreeSet<>(function.getValue()));
            System.out.printf("artifact %-18s %6.1f MB  services %s%n", function.getKey(), Files.size(jar) / 1e6, services);
        }
    }
}
