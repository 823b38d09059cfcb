package vn.doithoai.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.stream.Collectors;

/** Turns Jackson's complaint into a short sentence naming the field, without internals. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return field.isEmpty() ? "wrong value" : "wrong or missing value for '" + field + "'";
        }
        return "malformed JSON";
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
