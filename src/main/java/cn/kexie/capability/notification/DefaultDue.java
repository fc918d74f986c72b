package cn.kexie.capability.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Default periods, in working days, for waiting steps whose period the policy texts do not give
 * (党组研究, 评审结论, 异议核查, 确认责任书, 资金拨付, the applicant's reports ...), so that such a step
 * can be due soon and overdue. Diagrams call it by name:
 * {@code camunda:dueDate="${workingDays.endOfPeriod(now(), defaultDue.days('approval'))}"}.
 * These are defaults of the platform, not the seeds' rules: an office changes them in
 * {@code notification.default-due.*}.
 */
@Component("defaultDue")
public class DefaultDue {

    private final int office;
    private final int approval;
    private final int finance;
    private final int applicant;

    DefaultDue(@Value("${notification.default-due.office:5}") int office,
            @Value("${notification.default-due.approval:10}") int approval,
            @Value("${notification.default-due.finance:10}") int finance,
            @Value("${notification.default-due.applicant:10}") int applicant) {
        this.office = office;
        this.approval = approval;
        this.finance = finance;
        this.applicant = applicant;
    }

    /** The default period of a kind of step: office, approval (party/leading group), finance or applicant. */
    public int days(String kind) {
        return switch (kind) {
            case "office" -> office;
            case "approval" -> approval;
            case "finance" -> finance;
            case "applicant" -> applicant;
            default -> throw new IllegalArgumentException("no default period for steps of kind " + kind);
        };
    }
}
