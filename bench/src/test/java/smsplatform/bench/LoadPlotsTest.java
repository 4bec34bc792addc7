package smsplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench/run-load's CSV is read back as written, and each endpoint's curves are drawn into a PNG. */
class LoadPlotsTest {

    private static final String CSV = """
            endpoint,concurrency,throughput_rps,p50_ms,p99_ms,max_ms,e2e_p50_ms,e2e_p99_ms
            send,1,40.5,22,60,80,900,1500
            send,4,90.0,40,120,300,1200,2500
            reviews,1,60.0,15,30,45,,
            reviews,4,,30,70,90,,
            """;

    @TempDir
    Path dir;

    @Test
    void eachRowIsReadAsItsColumnsAndGroupedByEndpointInFileOrder() throws Exception {
        Path csv = Files.writeString(dir.resolve("load-curves.csv"), CSV);

        Map<String, List<Map<String, String>>> endpoints = LoadPlots.byEndpoint(LoadPlots.read(csv));

        assertThat(endpoints).containsOnlyKeys("send", "reviews");
        assertThat(endpoints.get("send")).extracting(r -> r.get("concurrency")).containsExactly("1", "4");
        assertThat(endpoints.get("reviews").get(1)).containsEntry("throughput_rps", "").containsEntry("max_ms", "90");
        assertThat(LoadPlots.series(endpoints.get("reviews"), "throughput_rps", "t").values()).containsExactly(60.0, Double.NaN);
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsRefusedWithItsLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "endpoint,concurrency\nsend,1,extra\n");

        assertThatThrownBy(() -> LoadPlots.read(csv)).hasMessageContaining("send,1,extra");
    }

    @Test
    void mainWritesOnePngPerEndpointWithTheCurvesDrawnOnWhite() throws Exception {
        Path csv = Files.writeString(dir.resolve("load-curves.csv"), CSV);

        LoadPlots.main(new String[] {csv.toString(), dir.toString()});

        BufferedImage send = ImageIO.read(dir.resolve("load-send.png").toFile());
        assertThat(send.getWidth()).isEqualTo(LoadPlots.WIDTH);
        assertThat(send.getHeight()).isEqualTo(LoadPlots.HEIGHT);
        assertThat(distinctColours(send)).as("white, black axes and labels, grid, and the curves").isGreaterThan(5);
        assertThat(dir.resolve("load-reviews.png")).exists();
    }

    @Test
    void linearAxesEndOnARoundNumberAboveTheLargestValue() {
        assertThat(LoadPlots.niceCeiling(87)).isEqualTo(100);
        assertThat(LoadPlots.niceCeiling(130)).isEqualTo(200);
        assertThat(LoadPlots.niceCeiling(0.4)).isEqualTo(1);
        assertThat(LoadPlots.ticks(1, 1000, true)).containsExactly(1.0, 10.0, 100.0, 1000.0);
    }

    private static long distinctColours(BufferedImage image) {
        return IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }
}
