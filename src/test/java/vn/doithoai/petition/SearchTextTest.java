package vn.doithoai.petition;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource({
            "Đất đai, dat dai",
            "ĐẤT ĐAI, dat dai",
            "Môi trường, moi truong",
            "Hạ tầng giao thông, ha tang giao thong",
            "Chính sách xã hội, chinh sach xa hoi",
            "Thủ tục hành chính, thu tuc hanh chinh",
            "An ninh trật tự, an ninh trat tu",
            "Tác phong cán bộ, tac phong can bo",
            "Nguyễn Thị Hòa, nguyen thi hoa",
            "ƯU TIÊN, uu tien",
            "ơn, on",
            "ăn ắn ằn ẳn ẵn ặn, an an an an an an",
            "âm ấm ầm ẩm ẫm ậm, am am am am am am",
            "ê ế ề ể ễ ệ, e e e e e e",
            "ô ố ồ ổ ỗ ộ, o o o o o o",
            "ơ ớ ờ ở ỡ ợ, o o o o o o",
            "ư ứ ừ ử ữ ự, u u u u u u",
            "y ý ỳ ỷ ỹ ỵ, y y y y y y",
            "Ỷ LẠI, y lai",
            "Thôn Đông Phước, thon dong phuoc",
            "Kiến Minh, kien minh",
            "Ia Băng, ia bang",
    })
    void vietnameseWordsFoldToPlainLowerCaseLetters(String text, String folded) {
        assertThat(SearchText.fold(text)).isEqualTo(folded);
    }

    @Test
    void bothUnicodeSpellingsOfAToneGiveTheSameText() {
        String precomposed = "Hòa";
        String decomposed = "Ho\u0300a";
        assertThat(precomposed).isNotEqualTo(decomposed);
        assertThat(SearchText.fold(precomposed)).isEqualTo(SearchText.fold(decomposed)).isEqualTo("hoa");
        assertThat(SearchText.fold("Hoà")).isEqualTo("hoa");
        assertThat(SearchText.fold(Normalizer.normalize("Nguyễn Đức Thắng", Normalizer.Form.NFD)))
                .isEqualTo("nguyen duc thang");
    }

    @Test
    void whiteSpaceOfAnyKindIsCollapsedAndTrimmed() {
        assertThat(SearchText.fold("  Thôn\u00A0\u00A03\t\nxã   Kiến Minh  ")).isEqualTo("thon 3 xa kien minh");
    }

    @Test
    void nullAndBlankFoldToEmpty() {
        assertThat(SearchText.fold(null)).isEmpty();
        assertThat(SearchText.fold("   ")).isEmpty();
    }

    @Test
    void aFoldedQueryIsFoundInAFoldedText() {
        assertThat(SearchText.fold("Đường liên thôn bị SẠT LỞ sau mưa")).contains(SearchText.fold("sat lo"));
    }
}
