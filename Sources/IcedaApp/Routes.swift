// The route table: the kernel's routes, then every feature's pages under /{locale}/ and API under /api/v1/.
import Kernel
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
    let api = app.grouped("api")
    for feature in app.features {
        try feature.routes(site: site, api: api.grouped("v1"))
    }
    OpenAPIDocument.register(api, fragments: app.features.map(\.openAPI))
}
