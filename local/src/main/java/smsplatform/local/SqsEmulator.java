package smsplatform.local;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/** SQS: ElasticMQ embedded, messages persisted in H2 under {@code dir} so in-flight work survives a restart. */
final class SqsEmulator implements AutoCloseable {

    static final String ACCOUNT = "000000000000";

    private final Function0<?> shutdown;
    private final URI endpoint;

    private SqsEmulator(Function0<?> shutdown, URI endpoint) {
        this.shutdown = shutdown;
        this.endpoint = endpoint;
    }

    static SqsEmulator start(Path dir) throws IOException {
        Files.createDirectories(dir);
        int port = freePort();
        String h2 = dir.toAbsolutePath().resolve("messages").toString().replace("\\", "/");
        Config config = ConfigFactory.parseString(String.join("\n",
                "node-address { protocol = http, host = \"127.0.0.1\", port = " + port + ", context-path = \"\" }",
                "rest-sqs { enabled = true, bind-port = " + port + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }",
                "generate-node-address = false",
                "aws { region = us-east-1, accountId = \"" + ACCOUNT + "\" }",
                "messages-storage { enabled = true, driver-class = \"org.h2.Driver\", uri = \"jdbc:h2:" + h2 + "\","
                        + " username = \"\", password = \"\", prune-data-on-init = false }"))
                .withFallback(ConfigFactory.load());
        ElasticMQServer server = new ElasticMQServer(new ElasticMQServerConfig(config));
        Function0<?> shutdown = server.start();
        return new SqsEmulator(shutdown, URI.create("http://127.0.0.1:" + port));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    URI endpoint() {
        return endpoint;
    }

    String queueUrl(String name) {
        return endpoint + "/" + ACCOUNT + "/" + name;
    }

    static String queueArn(String name) {
        return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
    }

    @Override
    public void close() {
        shutdown.apply();
    }
}
