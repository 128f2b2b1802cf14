package io.agentobs.cli.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {

    @Test
    void numbersAlignRightTextLeftAndTrailingBlanksAreTrimmed() {
        String text = new TextTable(List.of("partition", "records", "gaps"), true, true, false)
                .row(List.of("0", "1,200", "-"))
                .row(List.of("11", "7", "[10, 20) 10"))
                .render("  ");

        assertThat(text).isEqualTo(""
                + "  partition  records  gaps\n"
                + "          0    1,200  -\n"
                + "         11        7  [10, 20) 10\n");
    }

    @Test
    void rowsMustFitTheColumns() {
        TextTable table = new TextTable(List.of("a", "b"), true, false);

        assertThatThrownBy(() -> table.row(List.of("1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
