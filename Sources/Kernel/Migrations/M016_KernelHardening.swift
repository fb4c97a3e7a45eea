// Issue 9's hardening of the kernel's tables: sign-in attempts counted per kind (a right password no longer clears
// the failed second-factor codes), the last TOTP time step a person used (a code works once), and a lease on
// running jobs (a job whose worker died is taken again once its lease ends).
import Fluent
import FluentSQL

package struct M016_KernelHardening: AsyncMigration {
    package var name: String { "Kernel.M016_KernelHardening" }

    package func prepare(on database: Database) async throws {
        try await database.schema(SignInAttempt.schema)
            .field("kind", .string, .required, .sql(.default(SignInAttempt.Kind.password.rawValue)))
            .update()
        try await database.schema(User.schema).field("totp_last_step", .int64).update()
        try await database.schema(Job.schema).field("lease_until", .datetime).update()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "sign_in_attempts_email_kind_at").on(SignInAttempt.schema).column("email").column("kind").column("at").run()
            try await sql.create(index: "sign_in_attempts_address_at").on(SignInAttempt.schema).column("address").column("at").run()
        }
    }

    package func revert(on database: Database) async throws {
        if let sql = database as? SQLDatabase {
            try await sql.drop(index: "sign_in_attempts_email_kind_at").run()
            try await sql.drop(index: "sign_in_attempts_address_at").run()
        }
        try await database.schema(Job.schema).deleteField("lease_until").update()
        try await database.schema(User.schema).deleteField("totp_last_step").update()
        try await database.schema(SignInAttempt.schema).deleteField("kind").update()
    }

    package init() {}
}
