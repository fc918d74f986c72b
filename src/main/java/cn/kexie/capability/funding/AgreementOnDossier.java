package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierDocument;
import org.springframework.stereotype.Component;

/** The 项目责任书 on the dossier page, for whoever reads the dossier, once the diagram generated it. */
@Component
class AgreementOnDossier implements DossierDocument {

    private final FundingService funding;
    private final ApplicationService applications;

    AgreementOnDossier(FundingService funding, ApplicationService applications) {
        this.funding = funding;
        this.applications = applications;
    }

    @Override
    public boolean offeredFor(Application app) {
        return FundingService.hasAgreement(applications.events(app.id()));
    }

    @Override
    public String labelKey() {
        return "document.agreement";
    }

    @Override
    public String fileName(Application app) {
        return FundingService.agreementFileName(app);
    }

    @Override
    public byte[] render(long applicationId) {
        return funding.agreement(applicationId);
    }

    @Override
    public int order() {
        return 30;
    }
}
