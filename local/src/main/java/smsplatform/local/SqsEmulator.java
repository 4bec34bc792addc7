package smsplatform.local;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/** SQS: ElasticMQ embedded, messages persisted in H2 under {@code dir} so in-flight work survives a restart. */
final class SqsEmulator implements AutoCloseable {

    static final String ACCOUNT = "000000000000";

    private final Function0<?> shutdown;
    private final URI endpoint;

    static {
        EmulatorLogging.configure();
    }

    private SqsEmulator(Function0<?> shutdown, URI endpoint) {
        this.shutdown = shutdown;
        this.endpoint = endpoint;
    }

    static SqsEmulator start(Path dir) throws IOException {
        Files.createDirectories(dir);
        int port = freePort();
        String h2 = dir.toAbsolutePath().resolve("messages").toString().replace("\\", "/");
        releaseMessagesOfStoppedConsumers(dir, h2);
        Config config = ConfigFactory.parseString(String.join("\n",
                "node-address { protocol = http, host = \"127.0.0.1\", port = " + port + ", context-path = \"\" }",
                "rest-sqs { enabled = true, bind-port = " + port + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }",
                "generate-node-address = false",
                "aws { region = us-east-1, accountId = \"" + ACCOUNT + "\" }",
                "messages-storage { enabled = true, driver-class = \"org.h2.Driver\", uri = \"jdbc:h2:" + h2 + ";WRITE_DELAY=0\","
                        + " username = \"\", password = \"\", prune-data-on-init = false }"))
                .withFallback(ConfigFactory.load());
        ElasticMQServer server = new ElasticMQServer(new ElasticMQServerConfig(config));
        Function0<?> shutdown = server.start();
        return new SqsEmulator(shutdown, URI.create("http://127.0.0.1:" + port));
    }

    /**
     * A message that a consumer of the previous run had received but not deleted is invisible until its
     * visibility timeout (minutes). Every consumer of that run is gone, so it is released at once, as
     * SQS would after the timeout: work in flight at a crash is redone right after the restart.
     */
    private static void releaseMessagesOfStoppedConsumers(Path dir, String h2) throws IOException {
        if (!Files.exists(dir.resolve("messages.mv.db"))) {
            return;
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:" + h2, "", "");
             Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'MESSAGE_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            long now = System.currentTimeMillis();
            for (String table : tables) {
                statement.executeUpdate("UPDATE \"" + table + "\" SET NEXT_DELIVERY = " + now
                        + " WHERE NEXT_DELIVERY > " + now + " AND RECEIVE_COUNT > 0");
            }
        } catch (SQLException e) {
            throw new IOException("Cannot open the SQS message store in " + dir, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
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
    public void close() throws InterruptedException {
        // ElasticMQ's stop waits out the receives still polling (up to QueueEventSource.LONG_POLL_SECONDS). Nothing
        // is lost by not waiting: every write is already on disk (WRITE_DELAY=0), and a crash is survived too.
        Thread stopping = new Thread(shutdown::apply, "elasticmq-stop");
        stopping.setDaemon(true);
        stopping.start();
        stopping.join(500);
    }
}
