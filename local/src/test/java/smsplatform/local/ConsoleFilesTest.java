package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleFilesTest {

    @Test
    void theFolderIsTheIndexPageAndEachFileHasItsContentType() {
        assertThat(ConsoleFiles.at("/console/").orElseThrow().contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(ConsoleFiles.at("/console/").orElseThrow().bytes(), StandardCharsets.UTF_8))
                .contains("<script type=\"module\" src=\"app.mjs\"></script>");
        assertThat(ConsoleFiles.at("/console/app.mjs").orElseThrow().contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(ConsoleFiles.at("/console/app.css").orElseThrow().contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(ConsoleFiles.at("/console/vendor/pdfjs/pdf.worker.min.mjs")).isPresent();
    }

    @Test
    void noPathReachesOutsideTheConsolesFolderNorAFileWithoutAKnownType() {
        for (String path : new String[] {"/console/../console-tests/axe.min.js", "/console/%2e%2e/console-tests/axe.min.js",
                "/console/..%2Fconsole-tests/axe.min.js", "/console/./index.html", "/console//index.html",
                "/console/vendor/pdfjs/LICENSE", "/console/.hidden.js", "/console/vendor/../app.mjs",
                "/console/%2Fetc%2Fpasswd.js", "/console/missing.mjs", "/console/smsplatform/local/ConsoleFiles.class"}) {
            assertThat(ConsoleFiles.at(path)).as(path).isEmpty();
        }
    }
}
