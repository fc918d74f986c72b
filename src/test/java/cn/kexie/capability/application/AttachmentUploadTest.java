package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.upload.AllFinishedEvent;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The upload box does not keep a finished or refused file in the way of the next one. */
class AttachmentUploadTest {

    final Messages messages = new Messages();

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void theBoxEmptiesAfterAFileIsStoredOrRefused() {
        UI ui = VaadinTestUi.open(messages);
        Upload upload = AttachmentUpload.create(new Div(), (name, bytes) -> { });
        ui.add(upload);
        assertThat(browserCalls(ui)).as("nothing to empty yet").noneMatch(js -> js.contains("this.files = []"));

        ComponentUtil.fireEvent(upload, new AllFinishedEvent(upload));
        assertThat(browserCalls(ui)).as("after a file is done").anyMatch(js -> js.contains("this.files = []"));

        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload, "文件类型不符", "病毒.exe"));
        assertThat(browserCalls(ui)).as("after the browser refused one").anyMatch(js -> js.contains("this.files = []"));
    }

    /** The scripts the server has queued for the browser since the last call. */
    private static List<String> browserCalls(UI ui) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation).map(i -> i.getExpression()).toList();
    }
}
