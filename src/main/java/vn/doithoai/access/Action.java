package vn.doithoai.access;

/** What a caller may ask of the server, each checked against the commune it touches. */
public enum Action {
    /** See a commune's meetings, plan, offices, petitions and reports. */
    READ,
    /** Create communes: only for an administrator of every commune. */
    CREATE_COMMUNES,
    MANAGE_ACCOUNTS,
    MANAGE_OFFICES,
    /** Set up meetings, hand out their links, keep the yearly plan. */
    MANAGE_MEETINGS,
    /** Record a petition received through any channel, classify and assign it. */
    RECORD_PETITIONS,
    /** Draft the answer to a petition assigned to one's office. */
    DRAFT_ANSWERS,
    /** Report on a conclusion after its meeting (started, progress, done, transferred): see {@link Caller#mayReportOn}. */
    REPORT_ON_CONCLUSIONS,
    /** The Front's summary and its supervision of the conclusions. */
    FRONT_WORK
}
