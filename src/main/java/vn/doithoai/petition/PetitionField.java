package vn.doithoai.petition;

/**
 * A field (lĩnh vực) from a commune's list. A petition stores only the code, so a commune may
 * rename a field without rewriting its petitions.
 */
public record PetitionField(String code, String vi, String en) {
}
