package vn.doithoai.access;

import java.util.UUID;

/**
 * A named account as it stands. {@code communeId} null: every commune (the district or province
 * level); {@code officeId} only for office staff.
 */
public record Account(UUID id, long seq, String login, String name, AccountRole role, UUID communeId, UUID officeId,
                      boolean disabled) {

    public boolean allCommunes() {
        return communeId == null;
    }

    public boolean reaches(UUID commune) {
        return communeId == null || communeId.equals(commune);
    }
}
