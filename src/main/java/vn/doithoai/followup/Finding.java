package vn.doithoai.followup;

import java.time.Instant;
import java.time.LocalDate;

/** What the Front's supervision found on the day it looked ({@code on}), recorded at {@code at}. */
public record Finding(String finding, LocalDate on, Instant at) {
}
