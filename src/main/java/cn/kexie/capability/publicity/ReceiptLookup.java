package cn.kexie.capability.publicity;

import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import java.util.Base64;

/**
 * 查询异议处理结果: on the public page, an objector enters the receipt number and the contact given
 * and reads the outcome (under review, not upheld, upheld). A wrong pair gets the same answer as an
 * unknown number; when lookups are unusual for the sender or the number, a CAPTCHA is asked for.
 */
class ReceiptLookup extends VerticalLayout {

    private final NoticeService notices;
    final TextField receipt;
    final TextField contact;
    final VerticalLayout captcha = new VerticalLayout();
    final Image captchaImage = new Image();
    final TextField captchaAnswer;
    String challengeId;
    final Button lookUp = new Button();
    /** The outcome found, or why nothing is shown. */
    final Div answer = new Div();

    ReceiptLookup(NoticeService notices) {
        this.notices = notices;
        setId("receipt-lookup");
        setPadding(false);
        receipt = FormFields.text(this, "publicity.lookup.receipt", NoticeService.MAX_RECEIPT, true);
        receipt.setId("receipt-number");
        receipt.setPlaceholder("YY2026000001-1234");
        contact = FormFields.text(this, "publicity.lookup.contact", ObjectionRules.MAX_CONTACT, true);
        contact.setId("receipt-contact");
        contact.setHelperText(getTranslation("publicity.lookup.contactHelp"));
        contact.setWidth("20em");
        lookUp.setText(getTranslation("publicity.lookup.submit"));
        lookUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        lookUp.addClickListener(click -> lookUp());
        HorizontalLayout fields = new HorizontalLayout(receipt, contact, lookUp);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);

        captchaImage.setAlt(getTranslation("publicity.captcha.image"));
        captchaImage.setWidth(CaptchaImage.WIDTH + "px");
        captchaImage.setHeight(CaptchaImage.HEIGHT + "px");
        captchaAnswer = FormFields.text(this, "publicity.captcha.label", 20, true);
        captchaAnswer.setHelperText(getTranslation("publicity.captcha.help"));
        Button newCaptcha = new Button(getTranslation("publicity.captcha.refresh"), click -> showCaptcha());
        newCaptcha.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout picture = new HorizontalLayout(captchaImage, newCaptcha, captchaAnswer);
        picture.setAlignItems(FlexComponent.Alignment.CENTER);
        captcha.add(picture);
        captcha.setPadding(false);
        captcha.setVisible(false);

        answer.setId("receipt-answer");
        answer.getStyle().set("white-space", "pre-line");
        answer.setVisible(false);
        add(new H2(getTranslation("publicity.lookup.title")), new Paragraph(getTranslation("publicity.lookup.intro")),
                fields, captcha, answer);
        if (notices.lookupCaptchaNeeded(PublicNoticeView.sourceOf(VaadinRequest.getCurrent()))) {
            showCaptcha();
        }
    }

    void showCaptcha() {
        Captchas.Challenge challenge = notices.newCaptcha();
        challengeId = challenge.id();
        captchaImage.setSrc("data:image/png;base64," + Base64.getEncoder().encodeToString(challenge.png()));
        captchaAnswer.clear();
        captcha.setVisible(true);
    }

    void lookUp() {
        NoticeService.CaptchaAnswer given = captcha.isVisible()
                ? new NoticeService.CaptchaAnswer(challengeId, captchaAnswer.getValue()) : null;
        try {
            NoticeService.Outcome outcome = notices.lookUp(receipt.getValue(), contact.getValue(),
                    PublicNoticeView.sourceOf(VaadinRequest.getCurrent()), given);
            answer.setText(getTranslation("publicity.lookup.found", outcome.receiptNo(), outcome.applicationNumber(),
                    outcome.projectTitle(), ObjectionForm.MINUTE.format(outcome.lodgedAt()),
                    getTranslation("publicity.lookup.status." + outcome.status()),
                    outcome.decidedAt() == null ? "" : getTranslation("publicity.lookup.decidedOn",
                            ObjectionForm.MINUTE.format(outcome.decidedAt()))));
            answer.getStyle().set("color", "var(--lumo-body-text-color)");
            captcha.setVisible(false);
        } catch (UserError refused) {
            answer.setText(Messages.describe(getLocale(), refused));
            answer.getStyle().set("color", "var(--lumo-error-text-color)");
            // an answer given is used up, and a CAPTCHA may have become necessary: a new picture
            if (captcha.isVisible() || notices.lookupCaptchaNeeded(PublicNoticeView.sourceOf(VaadinRequest.getCurrent()))
                    || refused.problems().stream().anyMatch(p -> p.key().contains("captcha"))) {
                showCaptcha();
            }
        }
        answer.setVisible(true);
    }

    String answerText() {
        return answer.isVisible() ? answer.getText() : "";
    }
}
