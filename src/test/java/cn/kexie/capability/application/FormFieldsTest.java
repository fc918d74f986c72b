package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared fields show a control character at the field, and number fields tell an unreadable number from none. */
class FormFieldsTest {

    final Messages messages = new Messages();

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void aTextFieldShowsAControlCharacterOrALineBreakAtTheField() {
        VaadinTestUi.open(messages);
        Div owner = new Div();
        var name = FormFields.text(owner, "form.objection.name", 100, true);
        name.setValue("张\u0000三");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("含有不允许的控制字符（U+0000，第 2 个字符），请删除");
        name.setValue("张\n三");
        assertThat(name.getErrorMessage()).isEqualTo("只能填写一行，请删除换行符或制表符");
        name.setValue("张三");
        assertThat(name.isInvalid()).isFalse();

        var reasons = FormFields.area(owner, "form.formalReview.reasons", 0, 4000, false);
        reasons.setValue("第一行\n第二行\t缩进");
        assertThat(reasons.isInvalid()).isFalse();
        reasons.setValue("第一行\u001b[2J");
        assertThat(reasons.isInvalid()).isTrue();
        assertThat(reasons.getErrorMessage()).startsWith("含有不允许的控制字符（U+001B");
    }

    @Test
    void inEnglishToo() {
        VaadinTestUi.open(messages, Locale.ENGLISH);
        var area = FormFields.area(new Div(), "form.formalReview.reasons", 0, 4000, false);
        area.setValue("a\u007fb");
        assertThat(area.getErrorMessage()).isEqualTo("Holds a control character that is not allowed (U+007F, character 2): remove it");
    }

    @Test
    void aNumberTooLargeToReadIsUnreadableAnEmptyFieldIsNot() throws Exception {
        VaadinTestUi.open(messages);
        Div owner = new Div();
        IntegerField days = FormFields.integer(owner, "form.formalReview.correctionDays", 1, 30);
        assertThat(FormFields.unreadable(days)).isFalse();
        days.getElement().getNode().getFeature(ElementPropertyMap.class).deferredUpdateFromClient("value", "99999999999").run();
        assertThat(days.getValue()).isNull();
        assertThat(FormFields.unreadable(days)).isTrue();
        days.setValue(7);
        assertThat(FormFields.unreadable(days)).isFalse();

        NumberField points = FormFields.number(owner, "基础条件", BigDecimal.ZERO, BigDecimal.valueOf(20));
        points.setValue(Double.NaN);
        assertThat(points.getValue()).as("NaN is no points").isNull();
        points.setValue(Double.POSITIVE_INFINITY);
        assertThat(points.getValue()).isNull();
        points.setValue(12.5);
        assertThat(points.getValue()).isEqualTo(12.5);
    }

    @Test
    void aDateIsShownAsTheOfficeWritesItAndReadAsPeopleTypeIt() {
        VaadinTestUi.open(messages);
        var picker = new com.vaadin.flow.component.datepicker.DatePicker();
        picker.setMin(java.time.LocalDate.of(2026, 1, 1));
        picker.setMax(java.time.LocalDate.of(2026, 12, 31));
        cn.kexie.capability.common.DateFields.localised(new Div(), picker);
        var i18n = picker.getI18n();
        assertThat(i18n.getDateFormats()).as("shown as the first, read in any")
                .containsExactly("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy-M-d", "yyyyMMdd");
        assertThat(i18n.getMonthNames()).startsWith("一月", "二月");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getBadInputErrorMessage()).startsWith("无法识别该日期");
        assertThat(i18n.getMaxErrorMessage()).contains("2026-12-31");
    }
}
