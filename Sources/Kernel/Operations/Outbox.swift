// E-mail goes through the outbox table; the worker hands it to a sendmail-compatible command.
import Fluent
import Foundation
import Localization
import Vapor

package enum Outbox {
    /// Links that carry a secret: a password reset, an invitation, a registration's or an appointment's own page.
    nonisolated(unsafe) private static let secretLink = try! Regex("/(password-reset|invitation|registrations|appointments)/[A-Za-z0-9_-]{16,}")

    /// A message as admins may read it in the outbox page: the one-time and personal links masked, so that reading
    /// the outbox does not let anyone act as the recipient.
    package static func masked(_ body: String) -> String {
        body.replacing(secretLink) { match in "/" + String(match.output[1].substring ?? "") + "/••••••" }
    }

    package static func enqueue(on database: Database, to recipient: String, subject: String, body: String, locale: AppLocale) async throws {
        try await OutboxMessage(recipient: recipient, subject: subject, body: body, locale: locale.rawValue).save(on: database)
    }

    /// Sends waiting messages with `command` (e.g. `/usr/sbin/sendmail -t`); without one, they stay for admins to see.
    package static func deliver(on database: Database, command: String?, from: String, logger: Logger, limit: Int = 20) async throws -> Int {
        guard let command, !command.isEmpty else { return 0 }
        let waiting = try await OutboxMessage.query(on: database).filter(\.$sentAt == nil).filter(\.$attempts < 5)
            .sort(\.$createdAt).limit(limit).all()
        var sent = 0
        for message in waiting {
            message.attempts += 1
            do {
                try await Sendmail.send(command: command, message: render(message, from: from))
                message.sentAt = Date()
                message.lastError = nil
                sent += 1
            } catch {
                message.lastError = String(describing: error)
                logger.warning("e-mail to \(message.recipient) not delivered: \(error)")
            }
            try await message.save(on: database)
        }
        return sent
    }

    /// An RFC 5322 message; the subject is encoded (RFC 2047) because it is rarely ASCII in our languages.
    package static func render(_ message: OutboxMessage, from: String) -> String {
        let subject = "=?UTF-8?B?" + Data(message.subject.utf8).base64EncodedString() + "?="
        let headers = [
            "From: \(from)", "To: \(message.recipient)", "Subject: \(subject)", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "Content-Language: \(message.locale)",
        ]
        let safeHeaders = headers.map { $0.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "") }
        return safeHeaders.joined(separator: "\r\n") + "\r\n\r\n" + message.body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }
}

package enum Sendmail {
    package struct Failed: Error, CustomStringConvertible {
        package var status: Int32
        package var description: String { "the mail command exited with status \(status)" }
        package init(status: Int32) {
            self.status = status
        }
    }

    /// A command that exits without reading its input must not kill the server with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Runs the command through /bin/sh with the message on standard input, off the event loop.
    package static func send(command: String, message: String) async throws {
        _ = ignoreBrokenPipes
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/bin/sh")
                    process.arguments = ["-c", command]
                    let input = Pipe()
                    process.standardInput = input
                    process.standardOutput = FileHandle.nullDevice
                    try process.run()
                    // A broken pipe here means the command stopped early; its exit status tells what happened.
                    try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
                    try? input.fileHandleForWriting.close()
                    process.waitUntilExit()
                    if process.terminationStatus == 0 { continuation.resume() } else {
                        continuation.resume(throwing: Failed(status: process.terminationStatus))
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
