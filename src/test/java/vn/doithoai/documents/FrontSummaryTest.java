package vn.doithoai.documents;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrontSummaryTest {

    @Test
    void countsAreInVietnameseAlphabeticalOrderWithDAfterDAndTheVowelsInTheirPlace() {
        var summary = FrontSummaryDocxTest.summary(List.of());
        var villages = new FrontSummary(summary.communeName(), summary.issuingBody(), summary.place(), summary.date(),
                null, List.of(),
                List.of(new CountRow("Ơn", 1), new CountRow("Đông", 1), new CountRow("Ăn", 1), new CountRow("Ôn", 1),
                        new CountRow("Dương", 1), new CountRow("An", 1), new CountRow("On", 1), new CountRow("Ân", 1)),
                List.of(), List.of(), summary.signature(), List.of()).byVillage();
        assertThat(villages).extracting(CountRow::label)
                .containsExactly("An", "Ăn", "Ân", "Dương", "Đông", "On", "Ôn", "Ơn");
    }

    @Test
    void theTotalIsTheSumOfTheCountsByField() {
        assertThat(FrontSummaryDocxTest.summary(List.of()).total()).isEqualTo(11);
    }
}
