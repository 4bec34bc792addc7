package smsplatform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB that answers in parallel, modelled in front of dynalite: a TCP proxy that forwards every byte
 * unchanged both ways, but holds each response until a fixed service time after its request arrived. Each
 * connection has its own threads and nothing is shared between calls but counters, so calls overlap as they
 * would in-region. HTTP is not parsed: the SDK's HTTP/1.1 client sends the next request on a connection only
 * after the whole previous response, so "first bytes from the client" start a call and "first bytes back" end it.
 */
final class LatencyProxy implements AutoCloseable {

    /** One call as the proxy saw it: request arrival and response release, System.nanoTime(). */
    record Call(long start, long end) {}

    private final ServerSocket server;
    private final String backendHost;
    private final int backendPort;
    private final long serviceNanos;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "latency-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    LatencyProxy(URI backend, int port, Duration serviceTime) throws IOException {
        this.backendHost = backend.getHost();
        this.backendPort = backend.getPort();
        this.serviceNanos = serviceTime.toNanos();
        this.server = new ServerSocket(port, 512, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The most calls that were in flight at once since the last {@link #drain()}. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * The connections clients opened since the last call of this method: a client that keeps its connections alive
     * between waves opens none once warm.
     */
    int connectionsOpened() {
        return opened.getAndSet(0);
    }

    /** The calls completed since the last drain, in order of arrival; resets the in-flight maximum. */
    List<Call> drain() {
        List<Call> done = new ArrayList<>();
        for (Call c; (c = calls.poll()) != null; ) {
            done.add(c);
        }
        maxInFlight.set(inFlight.get());
        done.sort(Comparator.comparingLong(Call::start));
        return done;
    }

    /**
     * The critical path: the longest chain of calls each of which arrived after the previous one was answered,
     * i.e. the number of sequential waves of calls a caller waited for.
     */
    static int waves(List<Call> calls) {
        int[] depth = new int[calls.size()];
        int longest = 0;
        for (int i = 0; i < calls.size(); i++) {
            depth[i] = 1;
            for (int j = 0; j < calls.size(); j++) {
                if (calls.get(j).end() <= calls.get(i).start()) {
                    depth[i] = Math.max(depth[i], depth[j] + 1);
                }
            }
            longest = Math.max(longest, depth[i]);
        }
        return longest;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                opened.incrementAndGet();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Connection connection = new Connection();
        try (client; Socket upstream = new Socket(backendHost, backendPort)) {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            threads.execute(() -> respond(upstream, client, connection));
            byte[] buffer = new byte[16384];
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (connection.requestStart == 0) {
                    connection.requestStart = System.nanoTime();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // the client or dynalite closed the connection: nothing left to forward
        } finally {
            connection.close();
        }
    }

    private void respond(Socket upstream, Socket client, Connection connection) {
        try {
            byte[] buffer = new byte[16384];
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                long start = connection.requestStart;
                if (start != 0) {
                    long wait = start + serviceNanos - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    calls.add(new Call(start, System.nanoTime()));
                    connection.requestStart = 0; // before the client can see the response and send its next request
                    inFlight.decrementAndGet();
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the connection is gone
        } finally {
            connection.close();
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** A client connection: its open request, if any. */
    private final class Connection {
        volatile long requestStart;
        private boolean closed;

        synchronized void close() {
            if (!closed && requestStart != 0) {
                inFlight.decrementAndGet();
            }
            closed = true;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
