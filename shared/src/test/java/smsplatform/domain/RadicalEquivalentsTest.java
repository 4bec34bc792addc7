package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The radical table is the Unicode Character Database's Equivalent_Unified_Ideograph for U+2E80..U+2EFF. */
class RadicalEquivalentsTest {

    static final Path UCD = Path.of("/usr/share/unicode/EquivalentUnifiedIdeograph.txt");

    @Test
    void theTableIsTheUnicodeDatabasesEquivalentsOfTheCjkRadicalsSupplement() throws IOException {
        if (!Files.exists(UCD)) {
            System.out.println("NOTICE: " + UCD + " absent (Debian package unicode-data): radical table check skipped");
            Assumptions.abort("no UCD file");
        }
        Map<Integer, Integer> expected = new HashMap<>();
        for (String line : Files.readAllLines(UCD)) {
            String data = line.replaceAll("#.*", "").strip();
            if (data.isEmpty()) {
                continue;
            }
            String[] fields = data.split(";");
            String[] range = fields[0].strip().split("\\.\\.");
            int first = Integer.parseInt(range[0], 16);
            int last = range.length == 2 ? Integer.parseInt(range[1], 16) : first;
            for (int cp = Math.max(first, 0x2E80); cp <= Math.min(last, 0x2EFF); cp++) {
                expected.put(cp, Integer.parseInt(fields[1].strip(), 16));
            }
        }
        assertThat(RadicalEquivalents.table()).isEqualTo(expected);
    }

    /** The JDK's Unicode version may predate an equivalent (U+2B739 is Unicode 14); such a radical stays refused. */
    @Test
    void everyEquivalentThisJdkKnowsIsAnIdeographOfTheNameAlphabet() {
        RadicalEquivalents.table().forEach((radical, ideograph) -> {
            if (Character.isDefined(ideograph)) {
                assertThat(SignatureNameRules.isIdeograph(ideograph)).as("U+%04X", ideograph).isTrue();
            } else {
                String name = "人" + new String(Character.toChars(radical)) + "银行";
                assertThatThrownBy(() -> SignatureNameRules.validate(name)).as(name).isInstanceOf(Failure.class);
            }
        });
    }
}
