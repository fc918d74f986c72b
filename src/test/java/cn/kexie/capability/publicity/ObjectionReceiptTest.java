package cn.kexie.capability.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Receipts of objections (异议回执): every objection lodged gets a number of its own, even when many
 * are lodged at the same moment; its objector looks the outcome up on the public page with the
 * number and the contact given, a wrong pair answered exactly as an unknown number, lookups limited
 * as the form is; the answer names neither the objector nor the office's note.
 */
@PlatformTest
class ObjectionReceiptTest {

    static final String NOT_FOUND = "未找到与该回执号和联系方式相符的异议，请核对后再查询。";

    @Autowired ApplicationContext context;
    @Autowired Messages messages;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired NoticeService notices;
    @Autowired ObjectionReceipts receipts;

    FormTasks forms;

    @BeforeEach
    void ui() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void theObjectorLooksUpTheOutcomeWithReceiptAndContactAndNothingElseOpensIt() {
        Notice notice = underNotice();
        String mobile = mobile();
        NoticeService.Receipt receipt = notices.lodgeWithReceipt(new NoticeService.ObjectionInput(notice.number, "周八",
                mobile, "该项目的调研报告系抄袭往年成果，请核查。"), address(), null);
        assertThat(receipt.receiptNo()).matches("YY" + PlatformClock.today().getYear() + "\\d{6,}-\\d{4}");
        assertThat(jdbc.sql("select receipt_no from objection where id = ?").param(receipt.objectionId())
                .query(String.class).single()).isEqualTo(receipt.receiptNo());

        // the contact written another way, the number in lower case: found, under review
        String spaced = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + "-" + mobile.substring(7);
        NoticeService.Outcome open = notices.lookUp(receipt.receiptNo().toLowerCase(java.util.Locale.ROOT), spaced, address(), null);
        assertThat(open.status()).isEqualTo("OPEN");
        assertThat(open.applicationNumber()).isEqualTo(notice.number);
        assertThat(open.decidedAt()).isNull();

        // the office decides: the objector reads the outcome, not the office's note
        WorkItem task = forms.openTask(notice.process.getId(), Forms.OBJECTION, "office");
        AsUser.run(identity, "office", () -> notices.decide(task.id(), ProjectProcess.DISMISSED, "内部说明：材料真实有效。"));
        NoticeService.Outcome decided = notices.lookUp(receipt.receiptNo(), mobile, address(), null);
        assertThat(decided.status()).isEqualTo("DISMISSED");
        assertThat(decided.decidedAt()).isNotNull();
        assertThat(decided.toString()).doesNotContain("周八", mobile, "内部说明");

        // a wrong contact, an unknown number, a made-up one: one and the same answer
        assertThat(refusal(receipt.receiptNo(), mobile(), address())).isEqualTo(NOT_FOUND);
        assertThat(refusal("YY2026999999-0000", mobile, address())).isEqualTo(NOT_FOUND);
        assertThat(refusal("' or 1=1 --", mobile, address())).isEqualTo(NOT_FOUND);
        assertThat(refusal(receipt.receiptNo(), "不是联系方式", address())).isEqualTo(NOT_FOUND);
        assertThat(refusal("", "", address())).isEqualTo("请输入回执号。\n请输入提交异议时填写的联系方式。");
    }

    @Test
    void theViewGivesTheReceiptOnLodgingAndLooksItUp() {
        Notice notice = underNotice();
        String mobile = mobile();
        VaadinTestUi.request(address(), null);
        PublicNoticeView view = new PublicNoticeView(notices);
        PublicNotice listed = view.grid.getGenericDataView().getItems()
                .filter(n -> n.applicationNumber().equals(notice.number)).findFirst().orElseThrow();
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(listed);
        dialog.name.setValue("吴九");
        dialog.contact.setValue(mobile);
        dialog.text.setValue("该学会申报的活动并未实际举办，请核查。");
        dialog.submit.click();
        String receiptNo = jdbc.sql("select receipt_no from objection where application_id = ?").param(notice.id)
                .query(String.class).single();
        assertThat(view.confirmation.getText()).contains("回执号：" + receiptNo);

        view.receiptLookup.receipt.setValue(receiptNo);
        view.receiptLookup.contact.setValue(mobile);
        view.receiptLookup.lookUp.click();
        assertThat(view.receiptLookup.answerText()).startsWith("回执号 " + receiptNo + "：对项目 " + notice.number)
                .contains("处理结果：正在核查处理").doesNotContain("吴九", mobile);
    }

    @Test
    void lookupsThatFindNothingAskForACaptchaThenAreRefused() {
        Notice notice = underNotice();
        String mobile = mobile();
        NoticeService.Receipt receipt = notices.lodgeWithReceipt(new NoticeService.ObjectionInput(notice.number, "郑十",
                mobile, "项目负责人并非本会会员，请核查。"), address(), null);

        // one sender trying: free twice, then the picture; answered, it may try again
        String sender = address();
        for (int i = 0; i < NoticeService.FREE_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR; i++) {
            assertThat(refusal("YY2026" + i, mobile, sender)).isEqualTo(NOT_FOUND);
        }
        assertThat(notices.lookupCaptchaNeeded(sender)).isTrue();
        assertThat(refusal(receipt.receiptNo(), mobile, sender)).isEqualTo("近期查询较多，请输入图中的验证码后再查询。");
        assertThat(notices.lookUp(receipt.receiptNo(), mobile, sender, solved()).status()).isEqualTo("OPEN");
        assertThatThrownBy(() -> notices.lookUp(receipt.receiptNo(), mobile, sender,
                new NoticeService.CaptchaAnswer(notices.newCaptcha().id(), "WRONG"))).isInstanceOf(UserError.class);

        // many senders trying contacts for one receipt: the picture for that receipt, whoever asks
        for (int i = 0; i < NoticeService.FREE_FAILED_LOOKUPS_PER_RECEIPT_PER_DAY; i++) {
            assertThat(refusal(receipt.receiptNo(), mobile(), address())).isEqualTo(NOT_FOUND);
        }
        assertThat(refusal(receipt.receiptNo(), mobile, address())).isEqualTo("近期查询较多，请输入图中的验证码后再查询。");
        assertThat(notices.lookUp(receipt.receiptNo(), mobile, address(), solved()).status()).isEqualTo("OPEN");

        // beyond the hard limit, one sender is refused even with the picture answered
        String flooder = address();
        for (int i = 0; i < NoticeService.MAX_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR; i++) {
            assertThatThrownBy(() -> notices.lookUp("YY2026" + ThreadLocalRandom.current().nextInt(), mobile, flooder, solved()))
                    .isInstanceOf(UserError.class);
        }
        assertThat(refusal(receipt.receiptNo(), mobile, flooder, solved())).isEqualTo("查询次数过多，请一小时后再试。");
    }

    @Test
    void objectionsLodgedAtTheSameMomentGetReceiptsOfTheirOwn() throws Exception {
        int threads = 6;
        List<Notice> projects = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            projects.add(underNotice());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> lodged = new ArrayList<>();
            for (Notice project : projects) {
                String mobile = mobile();
                String source = address();
                lodged.add(pool.submit(() -> {
                    start.await();
                    return notices.lodgeWithReceipt(new NoticeService.ObjectionInput(project.number, "并发测试", mobile,
                            "同一时刻提交的异议，回执号各不相同。"), source, null).receiptNo();
                }));
            }
            // and the numbers alone, many at once from every thread
            List<Future<List<String>>> serials = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<String>> draw = () -> {
                    start.await();
                    List<String> numbers = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        numbers.add(receipts.next());
                    }
                    return numbers;
                };
                serials.add(pool.submit(draw));
            }
            start.countDown();
            Set<String> serialParts = new HashSet<>();
            List<String> all = new ArrayList<>();
            for (Future<String> f : lodged) {
                all.add(f.get());
            }
            for (Future<List<String>> f : serials) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(threads + threads * 50);
            all.forEach(n -> serialParts.add(n.substring(0, n.indexOf('-'))));
            assertThat(serialParts).as("serial parts of the receipt numbers").hasSize(all.size());
        } finally {
            pool.shutdownNow();
        }
        for (Notice project : projects) {
            assertThat(jdbc.sql("select count(*) from objection where application_id = ? and receipt_no is not null")
                    .param(project.id).query(Integer.class).single()).isEqualTo(1);
        }
    }

    // ----------------------------------------------------------------

    record Notice(long id, String number, ProcessInstance process) {
    }

    private Notice underNotice() {
        long app = forms.application("CZ-UNIV", "DECISION_CONSULTING", "UNDER_NOTICE");
        Date ends = Date.from(PlatformClock.now().plus(Duration.ofDays(3)));
        forms.underNotice(app, ends.toInstant());
        ProcessInstance process = forms.start(FormTasks.NOTICE, app, Map.of(ProjectProcess.NOTICE_ENDS, ends));
        return new Notice(app, forms.number(app), process);
    }

    private String refusal(String receiptNo, String contact, String source) {
        return refusal(receiptNo, contact, source, null);
    }

    private String refusal(String receiptNo, String contact, String source, NoticeService.CaptchaAnswer captcha) {
        try {
            notices.lookUp(receiptNo, contact, source, captcha);
            return "";
        } catch (UserError error) {
            return Messages.describe(Messages.CHINESE, error);
        }
    }

    private NoticeService.CaptchaAnswer solved() {
        String id = notices.newCaptcha().id();
        return new NoticeService.CaptchaAnswer(id, jdbc.sql("select answer from objection_captcha where id = ?").param(id)
                .query(String.class).single());
    }

    private static String mobile() {
        return "17" + ThreadLocalRandom.current().nextInt(6, 10) + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /** A sender of the IPv6 documentation range, a /64 of its own each time. */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("2001:db8:%x:%x::%x", r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(1, 0x10000));
    }
}
