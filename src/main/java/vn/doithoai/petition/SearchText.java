package vn.doithoai.petition;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for a search that ignores diacritics and case: people type "dat dai" on a
 * phone without a Vietnamese keyboard and expect to find "Đất đai".
 */
public final class SearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private SearchText() {
    }

    /** "Đất  Đai" → "dat dai"; both Unicode spellings of "Hòa" give "hoa"; null gives "". */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // NFD splits every tone and vowel mark off its letter; đ is a letter of its own, not d with a mark.
        String bare = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String noStroke = bare.replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(noStroke.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
