package vn.doithoai.petition;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A commune's list of fields (lĩnh vực): the {@link PetitionFields#DEFAULTS} it starts with, then
 * what its administrator added, renamed or retired. A retired field is no longer offered, but its
 * petitions keep it and its name is still known. Plain Java, no I/O.
 */
public record FieldList(List<PetitionField> all, Set<String> retired) {

    static final Fields.Name F_FIELD_VI = new Fields.Name("Tên lĩnh vực", "Field name (Vietnamese)");
    static final Fields.Name F_FIELD_EN = new Fields.Name("Tên lĩnh vực (tiếng Anh)", "Field name (English)");
    static final int MAX_FIELDS = 60;

    public FieldList {
        all = List.copyOf(all);
        retired = Set.copyOf(retired);
    }

    public static FieldList start() {
        return new FieldList(PetitionFields.DEFAULTS, Set.of());
    }

    /** The fields offered on the forms, in their order. */
    public List<PetitionField> active() {
        return all.stream().filter(f -> !retired.contains(f.code())).toList();
    }

    public Optional<PetitionField> byCode(String code) {
        return PetitionFields.byCode(all, code);
    }

    public boolean offers(String code) {
        return code != null && !retired.contains(code) && byCode(code).isPresent();
    }

    public sealed interface Command {
        record Add(String vi, String en) implements Command {
        }

        record Rename(String code, String vi, String en) implements Command {
        }

        record Retire(String code) implements Command {
        }

        record Restore(String code) implements Command {
        }
    }

    public sealed interface Event {
        record FieldAdded(String code, String vi, String en) implements Event {
        }

        record FieldRenamed(String code, String vi, String en) implements Event {
        }

        record FieldRetired(String code) implements Event {
        }

        record FieldRestored(String code) implements Event {
        }
    }

    public Ruling<Event> decide(Command command) {
        if (command instanceof Command.Add add) {
            String vi = Fields.line(add.vi());
            String en = Fields.line(add.en());
            Refusal problem = names(vi, en);
            if (problem != null) {
                return Ruling.refuse(problem);
            }
            if (all.size() >= MAX_FIELDS) {
                return Ruling.refuse(Refusal.WRONG_STATE, "Danh sách đã có " + MAX_FIELDS + " lĩnh vực", "The list has " + MAX_FIELDS + " fields already");
            }
            if (all.stream().anyMatch(f -> SearchText.fold(f.vi()).equals(SearchText.fold(vi)))) {
                return Ruling.refuse(Refusal.WRONG_STATE, "Đã có lĩnh vực «" + vi + "»", "There is a field «" + vi + "» already");
            }
            return Ruling.accept(new Event.FieldAdded(newCode(vi), vi, en == null ? vi : en));
        }
        String code = codeOf(command);
        if (byCode(code).isEmpty()) {
            return Ruling.refuse(Refusal.NOT_FOUND, "Không có lĩnh vực này", "No such field");
        }
        if (command instanceof Command.Rename rename) {
            String vi = Fields.line(rename.vi());
            String en = Fields.line(rename.en());
            Refusal problem = names(vi, en);
            return problem != null ? Ruling.refuse(problem) : Ruling.accept(new Event.FieldRenamed(code, vi, en == null ? vi : en));
        }
        if (command instanceof Command.Retire) {
            if (retired.contains(code)) {
                return Ruling.refuse(Refusal.WRONG_STATE, "Lĩnh vực đã thôi dùng", "The field is retired already");
            }
            if (active().size() == 1) {
                return Ruling.refuse(Refusal.WRONG_STATE, "Phải còn ít nhất một lĩnh vực", "At least one field must stay");
            }
            return Ruling.accept(new Event.FieldRetired(code));
        }
        return retired.contains(code) ? Ruling.accept(new Event.FieldRestored(code))
                : Ruling.refuse(Refusal.WRONG_STATE, "Lĩnh vực đang dùng", "The field is in use");
    }

    public FieldList apply(Event event) {
        if (event instanceof Event.FieldAdded added) {
            var fields = new ArrayList<>(all);
            fields.add(new PetitionField(added.code(), added.vi(), added.en()));
            return new FieldList(fields, retired);
        }
        if (event instanceof Event.FieldRenamed renamed) {
            return new FieldList(all.stream().map(f -> f.code().equals(renamed.code())
                    ? new PetitionField(f.code(), renamed.vi(), renamed.en()) : f).toList(), retired);
        }
        var now = new LinkedHashSet<>(retired);
        if (event instanceof Event.FieldRetired r) {
            now.add(r.code());
        } else if (event instanceof Event.FieldRestored r) {
            now.remove(r.code());
        }
        return new FieldList(all, now);
    }

    /** "Nông nghiệp" → "nong-nghiep"; "-2", "-3"... when taken. A code never changes, so petitions keep theirs. */
    private String newCode(String vi) {
        String base = SearchText.fold(vi).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        base = base.isEmpty() ? "linh-vuc" : base.length() > 36 ? base.substring(0, 36) : base;
        String code = base;
        for (int n = 2; byCode(code).isPresent(); n++) {
            code = base + "-" + n;
        }
        return code;
    }

    private static String codeOf(Command command) {
        if (command instanceof Command.Rename r) {
            return r.code();
        }
        if (command instanceof Command.Retire r) {
            return r.code();
        }
        return ((Command.Restore) command).code();
    }

    private static Refusal names(String vi, String en) {
        return Fields.first(Fields.required(vi, F_FIELD_VI, 80), Fields.optional(en, F_FIELD_EN, 80));
    }
}
