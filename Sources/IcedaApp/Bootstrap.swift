// First start: migrate, seed every feature's reference data, create the first admin, optionally add demo data.
import Fluent
import Foundation
import Kernel
import Vapor

public enum Bootstrap {
    /// Brings an empty or older database up to date; safe to run on every start.
    public static func prepare(_ app: Application, demo: Bool, announce: Bool = true) async throws {
        try await app.autoMigrate()
        for feature in app.features { try await feature.seedReference(app) }
        try await ensureAdmin(app, announce: announce)
        if demo {
            let added = try await seedDemo(app)
            if announce { for line in added { print("Demo: " + line) } }
        }
    }

    /// Every feature's demo data, in the order of the features; what was added, one line each.
    static func seedDemo(_ app: Application) async throws -> [String] {
        var added: [String] = []
        for feature in app.features { added += try await feature.seedDemo(app) }
        return added
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
}
