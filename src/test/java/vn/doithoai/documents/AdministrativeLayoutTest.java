package vn.doithoai.documents;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdministrativeLayoutTest {

    @Test
    void aDayBelowTenAndTheMonthsJanuaryAndFebruaryTakeALeadingZero() {
        assertThat(AdministrativeLayout.placeAndDate("Kiến Minh", LocalDate.of(2026, 12, 5)))
                .isEqualTo("Kiến Minh, ngày 05 tháng 12 năm 2026");
        assertThat(AdministrativeLayout.placeAndDate("Ia Băng", LocalDate.of(2026, 1, 15)))
                .isEqualTo("Ia Băng, ngày 15 tháng 01 năm 2026");
        assertThat(AdministrativeLayout.placeAndDate("Ia Băng", LocalDate.of(2026, 2, 28)))
                .isEqualTo("Ia Băng, ngày 28 tháng 02 năm 2026");
    }

    @Test
    void theOtherMonthsAndDaysAreWrittenAsTheyAre() {
        assertThat(AdministrativeLayout.placeAndDate("Kiến Minh", LocalDate.of(2026, 3, 9)))
                .isEqualTo("Kiến Minh, ngày 09 tháng 3 năm 2026");
        assertThat(AdministrativeLayout.placeAndDate("Kiến Minh", LocalDate.of(2026, 10, 20)))
                .isEqualTo("Kiến Minh, ngày 20 tháng 10 năm 2026");
    }

    @Test
    void theTextAreaIsTheA4WidthLessTheDecreesMargins() {
        assertThat(AdministrativeLayout.TEXT_WIDTH).isEqualTo(11906 - 1701 - 850);
    }
}
