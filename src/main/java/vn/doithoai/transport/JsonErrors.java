package vn.doithoai.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.stream.Collectors;

/**
 * Turns Jackson's complaint into a short sentence naming the field, in Vietnamese and in English,
 * without internals; a date says the shape it must have.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static Problem describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return Problem.badJson("trường lạ '" + u.getPropertyName() + "'", "unknown field '" + u.getPropertyName() + "'");
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && Temporal.class.isAssignableFrom(f.getTargetType())) {
            boolean date = f.getTargetType() == LocalDate.class;
            return Problem.badJson(
                    "'" + field + "' phải là " + (date ? "ngày dạng năm-tháng-ngày, ví dụ 2026-11-30" : "thời điểm dạng ISO 8601, ví dụ 2026-11-30T08:00:00Z"),
                    "'" + field + "' must be " + (date ? "a date as year-month-day, e.g. 2026-11-30" : "an ISO 8601 instant, e.g. 2026-11-30T08:00:00Z"));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return field.isEmpty() ? Problem.badJson("giá trị sai", "wrong value")
                    : Problem.badJson("giá trị của '" + field + "' sai hoặc thiếu", "wrong or missing value for '" + field + "'");
        }
        return Problem.badJson("JSON sai cú pháp", "malformed JSON");
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
