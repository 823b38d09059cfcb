package vn.doithoai.documents;

/**
 * Who signs a document, as Decree 30/2020/NĐ-CP prints it: the capacity (e.g. "TM. BAN THƯỜNG
 * TRỰC", or null when the head signs in their own name), the title ("CHỦ TỊCH") and the name.
 * The name may be null for a document printed before anyone is chosen to sign.
 */
public record Signature(String capacity, String title, String name) {
}
