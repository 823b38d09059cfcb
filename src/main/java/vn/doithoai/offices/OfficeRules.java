package vn.doithoai.offices;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.util.UUID;

/** The rules of the office directory: plain Java, no I/O. */
public final class OfficeRules {

    static final Fields.Name F_HEAD = new Fields.Name("Người đứng đầu", "Head");
    static final Fields.Name F_HEAD_TITLE = new Fields.Name("Chức vụ", "Title");

    private OfficeRules() {
    }

    public static Ruling<OfficeEvent> decide(Office current, OfficeCommand command) {
        if (command instanceof OfficeCommand.Add add) {
            if (current != null) {
                return Ruling.refuse(Refusal.WRONG_STATE, "Cơ quan đã có", "The office exists");
            }
            String name = Fields.line(add.name());
            String head = Fields.line(add.headName());
            String title = Fields.line(add.headTitle());
            Refusal problem = check(name, head, title);
            return problem != null ? Ruling.refuse(problem)
                    : Ruling.accept(new OfficeEvent.OfficeAdded(add.communeId(), name, head, title, add.position()));
        }
        if (current == null) {
            return Ruling.refuse(Refusal.NOT_FOUND, "Không có cơ quan này", "No such office");
        }
        if (current.retired()) {
            return Ruling.refuse(Refusal.WRONG_STATE, "Cơ quan đã ngừng hoạt động", "The office is retired");
        }
        if (command instanceof OfficeCommand.Change change) {
            String name = Fields.line(change.name());
            String head = Fields.line(change.headName());
            String title = Fields.line(change.headTitle());
            Refusal problem = check(name, head, title);
            return problem != null ? Ruling.refuse(problem) : Ruling.accept(new OfficeEvent.OfficeChanged(name, head, title));
        }
        return Ruling.accept(new OfficeEvent.OfficeRetired());
    }

    public static Office apply(Office current, UUID id, long seq, OfficeEvent event) {
        if (event instanceof OfficeEvent.OfficeAdded a) {
            return new Office(id, a.communeId(), seq, a.name(), a.headName(), a.headTitle(), a.position(), false);
        }
        if (event instanceof OfficeEvent.OfficeChanged c) {
            return new Office(id, current.communeId(), seq, c.name(), c.headName(), c.headTitle(), current.position(), false);
        }
        return new Office(id, current.communeId(), seq, current.name(), current.headName(), current.headTitle(),
                current.position(), true);
    }

    private static Refusal check(String name, String head, String title) {
        return Fields.first(Fields.required(name, Fields.F_OFFICE, Fields.OFFICE),
                Fields.optional(head, F_HEAD, Fields.NAME), Fields.optional(title, F_HEAD_TITLE, Fields.TITLE));
    }
}
