package cn.kexie.capability.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.ApplicationStatusSet;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification e-mails through a real SMTP conversation with an in-process server (GreenMail): sent
 * after the step commits, to the people the notification is for who have an address and want that
 * kind, in Chinese, with a link to the task or dossier; nothing for a step that rolls back; each
 * queued row sent once. It runs in the shared test context, whose mail queue sends through a sender
 * pointed at GreenMail for the duration of each test: a second context with {@code spring.mail.host}
 * took over the JVM-wide engine registry and security strategy that later test classes rely on.
 */
@PlatformTest
class NotificationMailTest {

    static final int PORT = 33125;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired NotificationService notifications;
    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;

    FormTasks forms;

    @BeforeEach
    void setUp() {
        forms = new FormTasks(context);
        org.springframework.mail.javamail.JavaMailSenderImpl sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(PORT);
        outbox.useSender(sender);
    }

    @org.junit.jupiter.api.AfterEach
    void noMoreMail() {
        outbox.useSender(null);
    }

    @Test
    void aNewTaskIsMailedToTheOfficeOfItsCityInChineseAfterCommit() throws Exception {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        WorkItem review = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());

        List<MimeMessage> mails = about(number);
        assertThat(recipients(mails)).contains("office@demo.kexie.cn")
                .doesNotContain("office-xz@demo.kexie.cn", "expert1@demo.kexie.cn", "cz-med@demo.kexie.cn");
        MimeMessage mail = mails.stream().filter(m -> recipients(List.of(m)).contains("office@demo.kexie.cn")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).startsWith("科协能力提升平台：新待办").contains("形式审查", number);
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(((String) mail.getContent())).contains("新待办", "http://localhost:8080/tasks/" + review.id());
        // each row once: the queue has nothing left to send, and sending again sends nothing
        assertThat(outbox.sendPending()).isZero();
        assertThat(about(number)).hasSameSizeAs(mails);
        assertThat(jdbc.sql("""
                select count(*) from notification_mail m join notification n on n.id = m.notification_id
                where n.business_key = ? and m.sent_at is null""").param(number).query(Long.class).single()).isZero();
    }

    @Test
    void anApplicantGetsItsDecisionByMailUnlessItSwitchedThatKindOff() throws Exception {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationStatusSet(app, "RETURNED", null)));
        List<MimeMessage> mails = about(number);
        assertThat(recipients(mails)).containsExactly("cz-med@demo.kexie.cn");
        assertThat(mails.get(0).getSubject()).contains("退回补正", number);
        assertThat((String) mails.get(0).getContent()).contains("http://localhost:8080/applications/" + app);

        AsUser.run(identity, "cz-med", () -> notifications.saveMailChoices(EnumSet.complementOf(
                EnumSet.of(NotificationKind.APPLICATION_DECIDED))));
        try {
            assertThat(AsUser.call(identity, "cz-med", () -> notifications.mailChoices()))
                    .containsEntry(NotificationKind.APPLICATION_DECIDED, false).containsEntry(NotificationKind.NOTICE_STARTED, true);
            transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationStatusSet(app, "REJECTED", null)));
            transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationStatusSet(app, "UNDER_NOTICE", null)));
            List<MimeMessage> after = about(number);
            assertThat(after).hasSize(2);
            assertThat(after.get(1).getSubject()).contains("公示").doesNotContain("有了结果");
            // the bell still shows the decision
            assertThat(AsUser.call(identity, "cz-med", () -> notifications.mine(cn.kexie.capability.common.Messages.CHINESE, Integer.MAX_VALUE)))
                    .anyMatch(n -> n.kind() == NotificationKind.APPLICATION_DECIDED && n.text().contains(number));
        } finally {
            AsUser.run(identity, "cz-med", () -> notifications.saveMailChoices(EnumSet.allOf(NotificationKind.class)));
        }
    }

    @Test
    void aStepThatRollsBackMailsNothing() throws Exception {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        transactions.executeWithoutResult(tx -> {
            forms.start(Forms.FORMAL_REVIEW, app, Map.of());
            tx.setRollbackOnly();
        });
        outbox.sendPending();
        assertThat(about(number)).isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from notification_mail m join notification n on n.id = m.notification_id
                where n.business_key = ?""").param(number).query(Long.class).single()).isZero();
    }

    @Test
    void aMailThatCannotBeSentIsRetriedUpToTheLimitAndMarkedOnItsRow() throws Exception {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        String number = forms.number(app);
        SMTP.stop();
        transactions.executeWithoutResult(tx -> events.publishEvent(new ApplicationStatusSet(app, "RETURNED", null)));
        record Row(int attempts, java.sql.Timestamp sentAt, String lastError) {
        }
        Row failed = jdbc.sql("""
                select m.attempts, m.sent_at, m.last_error from notification_mail m join notification n on n.id = m.notification_id
                where n.business_key = ?""").param(number).query(Row.class).single();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.sentAt()).isNull();
        assertThat(failed.lastError()).isNotBlank();
        // the server is back: the next run (after the pause) sends it, once
        SMTP.start();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plusSeconds(600)));
        try {
            outbox.sendPending();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        Row sent = jdbc.sql("""
                select m.attempts, m.sent_at, m.last_error from notification_mail m join notification n on n.id = m.notification_id
                where n.business_key = ?""").param(number).query(Row.class).single();
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(about(number)).hasSize(1);
        // a row that failed as often as allowed is left alone
        jdbc.sql("""
                update notification_mail set sent_at = null, claimed_until = null, attempts = 5 where notification_id in
                (select id from notification where business_key = ?)""").param(number).update();
        assertThat(outbox.sendPending()).isZero();
    }

    private static List<MimeMessage> about(String number) throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(number);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> recipients(List<MimeMessage> mails) {
        return mails.stream().flatMap(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Object::toString);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
