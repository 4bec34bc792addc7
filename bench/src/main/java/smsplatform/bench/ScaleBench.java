package smsplatform.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoStatistics;
import smsplatform.domain.AccountId;
import smsplatform.domain.ReviewStage;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TemplateId;
import smsplatform.json.Json;
import smsplatform.local.BenchTokens;
import smsplatform.local.LocalStack;
import smsplatform.ports.Statistics;
import smsplatform.support.Ids;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Scale with data (bench/run-scale): the first and a deep page of the list endpoints as the data behind them grows,
 * through the local gateway, each against its smallest size. Data is written straight into the local DynamoDB by the
 * adapters themselves ({@link DynamoSignatureStore#create}, {@link DynamoMessageStore#recordQueued},
 * {@link DynamoStatistics#add}), so the items have exactly the shapes the product writes.
 */
final class ScaleBench {

    /** The page every timed request asks for: full at every size measured, so every page reads as many items. */
    static final int PAGE = 10;
    private static final int QUOTA = 50;
    /** Untimed rounds first: the function JVMs compile the path on their first requests. */
    private static final int WARM_UP = 10;

    private final String api;
    private final int repeats;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> csv = new ArrayList<>(List.of("list,size,page,median_ms,p90_ms,ratio_to_first_page,ratio_to_smallest,probe_ms,ratio_to_smallest_load_adjusted"));

    private ScaleBench(String api, int repeats) {
        this.api = api;
        this.repeats = repeats;
    }

    /** Usage: ScaleBench PROJECT WORK_DIR CSV REVIEW_SIZES SIGNATURE_SIZES MESSAGE_SIZES REPEATS. */
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).resolve("data");
        try (LocalStack stack = LocalStack.start(project, data, 0)) {
            Map<String, String> env = stack.functions().stream()
                    .filter(f -> f.logicalId().equals("SignaturesApiFunction")).findFirst().orElseThrow().environment();
            String table = env.get("TABLE_NAME");
            ScaleBench bench = new ScaleBench("http://127.0.0.1:" + stack.port(), Integer.parseInt(args[6]));
            try (DynamoDbClient dynamo = Seeds.dynamo(stack.endpoints().dynamoDb(), env)) {
                DynamoSignatureStore signatures = new DynamoSignatureStore(dynamo, table);
                String reviewer = BenchTokens.mint(project, data, List.of("scale-ops"), "ENTERPRISE", true).get(0);
                bench.reviews(project, data, signatures, reviewer, sizes(args[3]));
                bench.signatures(project, data, signatures, sizes(args[4]));
                bench.messages(project, data, new DynamoMessageStore(dynamo, table), new DynamoStatistics(dynamo, table),
                        sizes(args[5]));
            }
            Files.write(Path.of(args[2]), bench.csv);
        }
    }

    private static int[] sizes(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** GET /v1/reviews with N signatures awaiting the reviewer, N growing; 50 per account (the quota). */
    private void reviews(Path project, Path data, DynamoSignatureStore signatures, String reviewer, int[] sizes)
            throws Exception {
        int seeded = 0;
        Cells cells = new Cells("GET /v1/reviews (pending applications)", true);
        // The sizes are timed one after another (one queue grows): a probe that does not grow, timed in the same
        // rounds, tells how much of a change is the machine's load.
        String probe = "scale-probe";
        parallel(PAGE, i -> signatures.create(Seeds.company(new AccountId(probe), "Scale " + letters(i), SignatureStatus.APPROVED, null),
                QUOTA));
        cells.probe("/v1/signatures?limit=" + PAGE, BenchTokens.mint(project, data, List.of(probe), "ENTERPRISE", false).get(0));
        for (int n : sizes) {
            int from = seeded;
            parallel(n - from, i -> signatures.create(Seeds.company(new AccountId("scale-r-" + (from + i) / QUOTA),
                    "Scale " + letters((from + i) % QUOTA), SignatureStatus.IN_REVIEW, ReviewStage.MANUAL), QUOTA));
            seeded = n;
            cells.add(n, "/v1/reviews?", reviewer, "reviews");
            cells.run();
        }
        cells.print();
    }

    /** GET /v1/signatures for an account of N signatures (APPROVED: they stay out of the reviewer's queue). */
    private void signatures(Path project, Path data, DynamoSignatureStore signatures, int[] sizes) throws Exception {
        Cells cells = new Cells("GET /v1/signatures (signatures of the account)", true);
        for (int n : sizes) {
            String account = "scale-s-" + n;
            parallel(n, i -> signatures.create(Seeds.company(new AccountId(account), "Scale " + letters(i), SignatureStatus.APPROVED, null),
                    QUOTA));
            String token = BenchTokens.mint(project, data, List.of(account), "ENTERPRISE", false).get(0);
            cells.add(n, "/v1/signatures?", token, "signatures");
        }
        cells.run();
        cells.print();
    }

    /**
     * An account of N DELIVERED messages spread evenly over the last 7 days, and its daily statistics as the
     * delivery path counts them: GET /v1/statistics for the 7 days, and GET /v1/sms over the 7 days.
     */
    private void messages(Path project, Path data, DynamoMessageStore messages, DynamoStatistics statistics, int[] sizes)
            throws Exception {
        Cells stats = new Cells("GET /v1/statistics (7 days of an account's messages)", false);
        Cells list = new Cells("GET /v1/sms (7 days of an account's messages)", true);
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(7)).plusSeconds(60);
        for (int n : sizes) {
            String account = "scale-m-" + n;
            Map<LocalDate, Long> perDay = new TreeMap<>();
            List<Integer> chunks = new ArrayList<>();
            for (int start = 0; start < n; start += 1000) {
                chunks.add(start);
            }
            parallel(chunks.size(), c -> {
                List<SmsMessage> batch = new ArrayList<>();
                for (int i = chunks.get(c); i < Math.min(n, chunks.get(c) + 1000); i++) {
                    batch.add(delivered(new AccountId(account), from.plusMillis(Duration.between(from, now).toMillis() * i / n), i));
                }
                return messages.recordQueued(batch, false);
            });
            for (int i = 0; i < n; i++) {
                perDay.merge(Statistics.day(from.plusMillis(Duration.between(from, now).toMillis() * i / n)), 1L, Long::sum);
            }
            perDay.forEach((day, count) -> {
                Map<Statistics.Counter, Long> counts = new EnumMap<>(Statistics.Counter.class);
                counts.put(Statistics.Counter.REQUESTED, count);
                counts.put(Statistics.Counter.SENT, count);
                counts.put(Statistics.Counter.DELIVERED, count);
                counts.put(Statistics.Counter.FEE, count);
                statistics.add(new AccountId(account), day, counts);
            });
            String token = BenchTokens.mint(project, data, List.of(account), "ENTERPRISE", false).get(0);
            LocalDate today = Statistics.day(now);
            stats.add(n, "/v1/statistics?from=" + today.minusDays(6) + "&to=" + today, token, null);
            list.add(n, "/v1/sms?from=" + encode(from.toString()) + "&to=" + encode(now.plusSeconds(60).toString())
                    + "&", token, "messages");
        }
        stats.run();
        list.run();
        stats.print();
        list.print();
    }

    private static SmsMessage delivered(AccountId account, Instant at, int i) {
        SerialNo serialNo = new SerialNo(Ids.random(Clock.fixed(at, ZoneOffset.UTC)).next(SerialNo.PREFIX));
        String code = String.valueOf(100000 + i % 900000);
        return new SmsMessage(account, serialNo, "+86139" + String.format("%08d", i), "Acme Cloud",
                new TemplateId(Seeds.TEMPLATE_ID), "【Acme Cloud】Your verification code is " + code + ", valid for 5 minutes.",
                1, SmsMessage.Status.DELIVERED, List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, at, null),
                        new SmsMessage.StatusChange(SmsMessage.Status.SENT, at, null),
                        new SmsMessage.StatusChange(SmsMessage.Status.DELIVERED, at, null)), at);
    }

    /**
     * The cells of one list: the first page and, where the list has items below it, a deep page, per size. The
     * cells added before a {@link #run} are timed in rounds, one request of each cell a round, so that the machine's
     * load at any moment falls on all of them alike.
     */
    private final class Cells {
        private final String list;
        private final List<Cell> pending = new ArrayList<>();
        private final Map<String, Double> smallest = new TreeMap<>();
        private final List<String> table = new ArrayList<>();
        private final Map<Integer, Double> firstPage = new TreeMap<>();
        private Cell probe;
        private final Map<String, Double> smallestProbe = new TreeMap<>();

        private record Cell(int size, String page, String path, String token, double[] ms) {}

        Cells(String list, boolean paged) {
            this.list = list;
            table.add("");
            table.add("**" + list + "** (" + (paged ? PAGE + " a page; " : "") + "median and p90 of " + repeats + " requests)");
            table.add("");
        }

        /** A request timed in every round beside the cells, whose cost does not change with the sizes. */
        void probe(String path, String token) {
            probe = new Cell(0, "probe", path, token, new double[repeats]);
        }

        /** {@code items}: the JSON array a page holds (null: one answer, no pages). */
        void add(int size, String path, String token, String items) throws Exception {
            String query = path.endsWith("?") || path.endsWith("&") ? path : path + "&";
            String pageQuery = items == null ? path : query + "limit=" + PAGE;
            pending.add(new Cell(size, "first", pageQuery, token, new double[repeats]));
            String deep = items == null ? null : deepToken(query, token, items, size);
            if (deep != null) {
                pending.add(new Cell(size, "deep", pageQuery + "&nextToken=" + encode(deep), token, new double[repeats]));
            }
        }

        void run() throws Exception {
            if (table.size() == 3) {
                table.add("| size | page | median ms | p90 ms | x the first page at this size | x the smallest size's"
                        + (probe == null ? " |" : " | load probe ms | x the smallest size's, load-adjusted |"));
                table.add("|---|---|---|---|---|---|" + (probe == null ? "" : "---|---|"));
            }
            if (probe != null) {
                pending.add(probe);
            }
            for (int i = 0; i < WARM_UP; i++) {
                for (Cell c : pending) {
                    get(c.path(), c.token());
                }
            }
            for (int i = 0; i < repeats; i++) {
                for (Cell c : pending) {
                    long start = System.nanoTime();
                    get(c.path(), c.token());
                    c.ms()[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            pending.remove(probe);
            double probeMedian = probe == null ? Double.NaN : median(probe.ms());
            for (Cell c : pending) {
                double median = median(c.ms());
                double[] sorted = c.ms().clone();
                Arrays.sort(sorted);
                double p90 = sorted[(int) Math.ceil(sorted.length * 0.9) - 1];
                smallest.putIfAbsent(c.page(), median);
                firstPage.putIfAbsent(c.size(), median);
                smallestProbe.putIfAbsent(c.page(), probeMedian);
                List<String> cells = new ArrayList<>(List.of(String.format("%,d", c.size()), c.page(),
                        String.format("%.1f", median), String.format("%.1f", p90),
                        String.format("%.2f", median / firstPage.get(c.size())),
                        String.format("%.2f", median / smallest.get(c.page()))));
                if (probe != null) {
                    cells.add(String.format("%.1f", probeMedian));
                    cells.add(String.format("%.2f", median / smallest.get(c.page()) / (probeMedian / smallestProbe.get(c.page()))));
                }
                table.add("| " + String.join(" | ", cells) + " |");
                cells.set(0, String.valueOf(c.size()));
                csv.add(list.replace(",", ";") + "," + String.join(",", cells) + (probe == null ? ",," : ""));
            }
            pending.clear();
        }

        private static double median(double[] ms) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        void print() {
            table.forEach(System.out::println);
        }
    }

    /** The token of the page that starts PAGE items before the end of the list (null when there is none). */
    private String deepToken(String query, String token, String items, int size) throws Exception {
        String next = null;
        int seen = 0;
        while (seen + 100 <= size - PAGE) {
            Map<String, Object> page = get(query + "limit=100" + (next == null ? "" : "&nextToken=" + encode(next)), token);
            seen += ((List<?>) page.get(items)).size();
            next = (String) page.get("nextToken");
            if (next == null) {
                return null;
            }
        }
        int rest = size - PAGE - seen;
        if (rest > 0) {
            Map<String, Object> page = get(query + "limit=" + rest + (next == null ? "" : "&nextToken=" + encode(next)), token);
            next = (String) page.get("nextToken");
        }
        return next;
    }

    private Map<String, Object> get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return Json.parseObject(response.body());
    }

    private interface Work {
        Object run(int i) throws Exception;
    }

    /** Runs work(0..count-1) on 8 threads: dynalite answers one call at a time, but the calls' round trips overlap. */
    private static void parallel(int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> work.run(index)));
            }
            for (Future<Object> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A name of letters only (signature names may hold no digits-only words), distinct for each i. */
    static String letters(int i) {
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, (char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return "Q" + s;
    }
}
