package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A refused save or submit of the 申报书 marks the fields at fault, each with its own problem, besides
 * the message; the next attempt clears the marks of the fields put right.
 */
@PlatformTest
class FieldsAtFaultTest {

    @Autowired IdentityService identity;
    @Autowired Messages messages;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired ApplicationForm applicationForm;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void aRefusedSaveMarksTheTitleAndThePhoneAndASubmitMarksWhatIsMissing() {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application draft = AsUser.call(identity, "cz-med", () -> applications.start(call.id(), "ACADEMIC_EXCHANGE", "字段标注测试"));
        AsUser.run(identity, "cz-med", () -> {
            ApplicationForm.Editor editor = applicationForm.new Editor(draft.id(), () -> { });
            editor.title.setValue("");
            editor.leadName.setValue("张三");
            editor.contactName.setValue("李四");
            editor.contactPhone.setValue("12345");
            editor.save.click();

            assertThat(editor.title.isInvalid()).isTrue();
            assertThat(editor.title.getErrorMessage()).isEqualTo("请填写项目名称（不超过200字）。");
            assertThat(editor.contactPhone.isInvalid()).isTrue();
            assertThat(editor.contactPhone.getErrorMessage()).startsWith("联系电话格式不正确");
            assertThat(editor.aims.isInvalid()).as("nothing wrong with it yet").isFalse();
            assertThat(applications.load(draft.id()).title()).as("nothing saved").isEqualTo("字段标注测试");

            // put right: the marks go; the submit's own refusal marks what a submission lacks
            editor.title.setValue("字段标注测试（改）");
            editor.contactPhone.setValue("0735-2222222");
            editor.submit.click();
            assertThat(editor.title.isInvalid()).isFalse();
            assertThat(editor.contactPhone.isInvalid()).isFalse();
            assertThat(editor.aims.isInvalid()).isTrue();
            assertThat(editor.aims.getErrorMessage()).isEqualTo("请填写" + messages.getTranslation("application.field.aims",
                    Messages.CHINESE) + "。");
            assertThat(editor.content.isInvalid()).isTrue();
            assertThat(editor.budgetItem.isInvalid()).as("no budget line").isTrue();
            assertThat(applications.load(draft.id()).status()).isEqualTo("DRAFT");
        });
    }
}
