package cn.kexie.capability.publicity;

import cn.kexie.capability.application.FormFields;
import cn.kexie.capability.common.LanguageSwitch;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.document.PdfDownload;
import cn.kexie.capability.document.Xhtml;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Base64;
import java.util.List;

/**
 * The public page of projects under notice (公示), for everyone without a login: each project with
 * the last day of its notice, and a way to lodge an objection (异议) under one's real name, which
 * becomes a task of the programme office. Lodging is checked and limited by the service; when it
 * is unusual, the dialog shows a CAPTCHA (验证码) to answer.
 */
@Route(value = "public/notices", autoLayout = false)
@AnonymousAllowed
public class PublicNoticeView extends VerticalLayout implements HasDynamicTitle {

    private final NoticeService notices;
    final Grid<PublicNotice> grid = new Grid<>();
    final Grid.Column<PublicNotice> amountColumn;
    /** The notice as published, as a PDF: what the grid lists, made anew when downloaded. */
    final PdfDownload noticePdf;
    final Paragraph empty = new Paragraph();
    /** The notice period as the programmes of the notices shown configure it. */
    final Paragraph intro = new Paragraph();
    /** The last confirmation shown on the page, so a person who closed the notification still sees it. */
    final Paragraph confirmation = new Paragraph();
    /** 查询异议处理结果: receipt number and contact give the outcome. */
    final ReceiptLookup receiptLookup;

    public PublicNoticeView(NoticeService notices) {
        this.notices = notices;
        setMaxWidth("1200px");
        getStyle().set("margin", "0 auto");

        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        Anchor login = new Anchor("login", getTranslation("form.publicNotice.login"));
        HorizontalLayout header = new HorizontalLayout(title, login, LanguageSwitch.create());
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);

        intro.setId("public-notice-intro");

        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PublicNotice::applicationNumber).setHeader(getTranslation("form.publicNotice.number")).setAutoWidth(true);
        grid.addColumn(PublicNotice::programmeName).setHeader(getTranslation("form.publicNotice.programme")).setFlexGrow(1);
        grid.addColumn(PublicNotice::categoryName).setHeader(getTranslation("form.publicNotice.category")).setFlexGrow(1);
        grid.addColumn(PublicNotice::organisationName).setHeader(getTranslation("form.publicNotice.organisation")).setFlexGrow(1);
        grid.addColumn(PublicNotice::title).setHeader(getTranslation("form.publicNotice.projectTitle")).setFlexGrow(2);
        grid.addColumn(notice -> notice.firstDay() == null ? "" : notice.firstDay().toString())
                .setHeader(getTranslation("form.publicNotice.firstDay")).setAutoWidth(true);
        grid.addColumn(notice -> notice.lastDay().toString()).setHeader(getTranslation("form.publicNotice.lastDay"))
                .setAutoWidth(true);
        amountColumn = grid.addColumn(notice -> notice.amountYuan() == null ? "" : Xhtml.yuan(notice.amountYuan()))
                .setHeader(getTranslation("form.publicNotice.amount")).setAutoWidth(true);
        grid.addComponentColumn(notice -> {
            Button object = new Button(getTranslation("form.publicNotice.object"), click -> openObjection(notice));
            object.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return object;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("public-notices");

        confirmation.setId("objection-confirmation");
        confirmation.getStyle().set("color", "var(--lumo-success-text-color)");
        confirmation.setVisible(false);

        noticePdf = PdfDownload.anchor(getTranslation("form.publicNotice.pdf"), getTranslation("form.publicNotice.pdfFileName"),
                notices::noticeDocument);
        noticePdf.setId("public-notice-pdf");

        Header top = new Header(header);
        top.setWidthFull();
        receiptLookup = new ReceiptLookup(notices);
        add(top, new H2(getTranslation("form.publicNotice.title")), intro, confirmation, noticePdf, grid, empty, receiptLookup);
        refresh();
    }

    void refresh() {
        List<PublicNotice> current = notices.current();
        java.util.Map<String, Integer> days = notices.noticeDays(current);
        java.util.Set<Integer> distinct = new java.util.TreeSet<>(days.values());
        if (distinct.isEmpty()) {
            intro.setText(getTranslation("form.publicNotice.introNone"));
        } else if (distinct.size() == 1) {
            intro.setText(getTranslation("form.publicNotice.intro", distinct.iterator().next()));
        } else {
            intro.setText(getTranslation("form.publicNotice.introEach", String.join(getTranslation("form.publicNotice.separator"),
                    days.entrySet().stream().map(e -> getTranslation("form.publicNotice.programmeDays", e.getKey(), e.getValue()))
                            .toList())));
        }
        grid.setItems(current);
        grid.setVisible(!current.isEmpty());
        amountColumn.setVisible(current.stream().anyMatch(n -> n.amountYuan() != null));
        noticePdf.setVisible(!current.isEmpty());
        empty.setText(getTranslation("form.publicNotice.none"));
        empty.setVisible(current.isEmpty());
    }

    /** Opens the objection dialog for one project. */
    ObjectionDialog openObjection(PublicNotice notice) {
        ObjectionDialog dialog = new ObjectionDialog(notice);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("form.publicNotice.pageTitle");
    }

    /**
     * Who is sending, for the service's limits: the connection's address. Behind a reverse proxy,
     * {@code server.forward-headers-strategy=native} makes it the client's address, taking
     * X-Forwarded-For only from the proxies named in {@code platform.trusted-proxies} (none by
     * default); a header a client sends itself is ignored.
     */
    static String sourceOf(VaadinRequest request) {
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    /** Name, contact and text of an objection against one project, and a CAPTCHA when one is needed. */
    final class ObjectionDialog extends Dialog {

        final PublicNotice notice;
        final TextField name;
        final TextField contact;
        final TextArea text;
        final VerticalLayout captcha = new VerticalLayout();
        final Image captchaImage = new Image();
        final TextField captchaAnswer;
        final Button newCaptcha = new Button();
        /** The challenge the picture shows; it stays on the server, only the picture goes to the browser. */
        String challengeId;
        final Div problems = new Div();
        final Button submit = new Button();

        ObjectionDialog(PublicNotice notice) {
            this.notice = notice;
            setHeaderTitle(getTranslation("form.publicNotice.dialogTitle", notice.title()));
            setWidth("min(40em, 95vw)");
            name = FormFields.text(this, "form.publicNotice.name", NoticeService.MAX_NAME, true);
            name.setWidthFull();
            contact = FormFields.text(this, "form.publicNotice.contact", ObjectionRules.MAX_CONTACT, true);
            contact.setHelperText(getTranslation("publicity.contactHelp"));
            contact.setWidthFull();
            text = FormFields.area(this, "form.publicNotice.text", NoticeService.MIN_TEXT, NoticeService.MAX_TEXT, true);
            text.setHelperText(getTranslation("form.publicNotice.textHelp"));
            text.setMinRows(6);

            captchaImage.setAlt(getTranslation("publicity.captcha.image"));
            captchaImage.setWidth(CaptchaImage.WIDTH + "px");
            captchaImage.setHeight(CaptchaImage.HEIGHT + "px");
            newCaptcha.setText(getTranslation("publicity.captcha.refresh"));
            newCaptcha.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            newCaptcha.addClickListener(click -> showCaptcha());
            captchaAnswer = FormFields.text(this, "publicity.captcha.label", 20, true);
            captchaAnswer.setHelperText(getTranslation("publicity.captcha.help"));
            HorizontalLayout picture = new HorizontalLayout(captchaImage, newCaptcha);
            picture.setAlignItems(FlexComponent.Alignment.CENTER);
            captcha.add(picture, captchaAnswer);
            captcha.setPadding(false);
            captcha.setSpacing(false);
            captcha.setVisible(false);

            problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
            problems.setVisible(false);
            Paragraph privacy = new Paragraph(getTranslation("form.publicNotice.privacy"));
            privacy.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            VerticalLayout body = new VerticalLayout(new Paragraph(notice.applicationNumber() + " · "
                    + notice.organisationName()), name, contact, text, captcha, privacy, problems);
            body.setPadding(false);
            add(body);

            submit.setText(getTranslation("form.publicNotice.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(click -> lodge());
            Button cancel = new Button(getTranslation("form.publicNotice.cancel"), click -> close());
            getFooter().add(cancel, submit);

            if (notices.captchaNeeded(notice.applicationNumber(), sourceOf(VaadinRequest.getCurrent()))) {
                showCaptcha();
            }
        }

        /** A new picture to answer; the one before is no longer accepted once answered. */
        void showCaptcha() {
            Captchas.Challenge challenge = notices.newCaptcha();
            challengeId = challenge.id();
            captchaImage.setSrc("data:image/png;base64," + Base64.getEncoder().encodeToString(challenge.png()));
            captchaAnswer.clear();
            captcha.setVisible(true);
        }

        void lodge() {
            problems.setVisible(false);
            String source = sourceOf(VaadinRequest.getCurrent());
            NoticeService.CaptchaAnswer answer = captcha.isVisible()
                    ? new NoticeService.CaptchaAnswer(challengeId, captchaAnswer.getValue())
                    : null;
            java.util.concurrent.atomic.AtomicReference<NoticeService.Receipt> receipt = new java.util.concurrent.atomic.AtomicReference<>();
            boolean lodged = Notifications.run(() -> {
                try {
                    receipt.set(notices.lodgeWithReceipt(new NoticeService.ObjectionInput(notice.applicationNumber(), name.getValue(),
                            contact.getValue(), text.getValue()), source, answer));
                } catch (UserError refused) {
                    problems.setText(Messages.describe(getLocale(), refused));
                    problems.setVisible(true);
                    // an answer given is used up, and a CAPTCHA may have become necessary: a new picture
                    if (captcha.isVisible() || refused.problems().stream()
                            .anyMatch(p -> p.key().startsWith("publicity.error.captcha"))) {
                        showCaptcha();
                    }
                    throw refused;
                }
            });
            if (lodged) {
                close();
                String received = getTranslation("publicity.receipt.received", receipt.get().receiptNo());
                confirmation.setText(received);
                confirmation.setVisible(true);
                Notifications.success(received);
            }
        }

        String problemsText() {
            return problems.isVisible() ? problems.getText() : "";
        }
    }
}
