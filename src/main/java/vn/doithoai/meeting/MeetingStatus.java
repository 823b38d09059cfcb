package vn.doithoai.meeting;

public enum MeetingStatus {
    SCHEDULED, REGISTRATION_OPEN, IN_PROGRESS, CLOSED
}
