// First start: migrate, seed reference data, create the first admin, optionally add demo data.
import Fluent
import Foundation
import Vapor

public enum Bootstrap {
    /// Brings an empty or older database up to date; safe to run on every start.
    public static func prepare(_ app: Application, demo: Bool, announce: Bool = true) async throws {
        try await app.autoMigrate()
        try await NetworkSeed.seedReference(on: app.db)
        try await ensureAdmin(app, announce: announce)
        if demo {
            _ = try await seedDemoIfEmpty(app)
            if let grants = try await GrantsSeed.seedDemo(on: app.db), announce { print("Demo: the ICEDA small-grants call with \(grants) awarded grants.") }
            if let applications = try await GrantsCycleSeed.seed(on: app.db), announce {
                print("Demo: \(applications) grant applications in every stage (calls \(GrantsSeed.callCode), \(GrantsCycleSeed.evaluationCallCode), \(GrantsCycleSeed.openCallCode)); the first admin sits on the committees and is a member of the organisations with drafts.")
            }
            try await importDemoBenchmark(app, announce: announce)
            try await importDemoSurvey(app, announce: announce)
        }
    }

    /// With demo data, the UN E-Government Survey page is filled from `ICEDA_UN_SURVEY_DIR` when present.
    static func importDemoSurvey(_ app: Application, announce: Bool) async throws {
        guard try await SurveyRecord.query(on: app.db).count() == 0 else { return }
        let folder = app.iceda.config.unSurveyDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let outcome = try await SurveyImport.run(directory: URL(fileURLWithPath: folder, isDirectory: true), on: app.db)
        if announce { print("Demo: UN E-Government Survey imported from \(folder) (\(outcome.added) records).") }
    }

    /// With demo data, the observatory shows the EU eGovernment Benchmark 2023 when its CSVs are at hand:
    /// `ICEDA_BENCHMARK_DIR`, or `../shared/data/egov-benchmark-2023` beside the checkout.
    static func importDemoBenchmark(_ app: Application, announce: Bool) async throws {
        guard try await Edition.query(on: app.db).count() == 0 else { return }
        let folder = app.iceda.config.benchmarkDirectory
        guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("national-services-landscape.csv")) else {
            if announce { print("Demo: no benchmark CSVs in \(folder); the observatory stays empty (set ICEDA_BENCHMARK_DIR).") }
            return
        }
        let outcome = try await BenchmarkImport.run(directory: URL(fileURLWithPath: folder, isDirectory: true), on: app.db)
        if announce { print("Demo: eGovernment Benchmark \(outcome.edition) imported from \(folder) (\(outcome.services) services).") }
    }

    static let defaultAdminEmail = "admin@iceda.local"

    /// Creates the first admin when there is none; prints a generated password once if none was given.
    static func ensureAdmin(_ app: Application, announce: Bool) async throws {
        guard try await User.query(on: app.db).filter(\.$role == .admin).count() == 0 else { return }
        let config = app.iceda.config
        let email = EmailAddress.normalised(config.adminEmail ?? defaultAdminEmail)
        let generated = config.adminPassword == nil
        let password = config.adminPassword ?? SecureToken.make(bytes: 12)
        let hash = try await app.password.async.hash(password)
        let admin = User(email: email, name: "Administrator", passwordHash: hash, role: .admin)
        try await admin.save(on: app.db)
        try await Audit.record(on: app.db, actor: nil, action: "user.create_first_admin", targetType: "user", targetID: email, after: ["role": "admin"])
        guard announce else { return }
        var lines = ["", "First administrator created: \(email)"]
        lines.append(generated ? "Generated password (shown only now): \(password)" : "Password: the one in ICEDA_ADMIN_PASSWORD")
        lines.append("Sign in at \(config.baseURL)/en/sign-in")
        print(lines.joined(separator: "\n") + "\n")
    }

    /// Adds demo data only when the directory holds nothing but the reference partners.
    static func seedDemoIfEmpty(_ app: Application) async throws -> Int? {
        let count = try await Organisation.query(on: app.db).count()
        guard count <= NetworkSeed.partners.count else { return nil }
        return try await NetworkSeed.seedDemo(on: app.db)
    }
}
