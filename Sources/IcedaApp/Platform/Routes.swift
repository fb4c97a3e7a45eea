// Every route of the platform, grouped by feature.
import Vapor

func routes(_ app: Application) throws {
    OperationsRoutes.register(app)
    app.get("") { request -> Response in
        let locale = request.appLocale
        let response = Response.seeOther("/\(locale.rawValue)/")
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language")
        return response
    }

    let site = app.grouped(":locale").grouped(LocaleMiddleware())
    HomeController.register(site)
    AuthRoutes.register(site)
    StaffRoutes.register(site)
    DirectoryRoutes.register(site)
    PeopleRoutes.register(site)
    ObservatoryRoutes.register(site)
    AssessmentRoutes.register(site)
    SurveyPage.register(site)
    GrantsRoutes.register(site)
    ApplicantRoutes.register(site)
    EvaluationRoutes.register(site)
    AwardRoutes.register(site)
    CallRoutes.register(site)
    AmendmentRoutes.register(site)
    RegistrationRoutes.register(site)
    ProgrammeRoutes.register(site)

    let api = app.grouped("api")
    OpenAPIDocument.register(api)
    DirectoryAPI.register(api.grouped("v1"))
    ObservatoryAPI.register(api.grouped("v1"))
    SurveyAPI.register(api.grouped("v1"))
    WaveAPI.register(api.grouped("v1"))
    GrantsAPI.register(api.grouped("v1"))
}
