// Starts the process: configuration, logging, the app, first-start preparation, the command.
import Foundation
import Logging
import Kernel
import Vapor

public enum Entrypoint {
    public static func run() async {
        var environment: Environment
        do { environment = try Environment.detect() } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        // `serve --demo` is ours, not Vapor's: take it out before Vapor reads the arguments.
        let demoFlag = environment.arguments.contains("--demo") && (environment.arguments.dropFirst().first ?? "serve") == "serve"
        if demoFlag { environment.arguments.removeAll { $0 == "--demo" } }

        let values = AppConfig.processEnvironment()
        var config: AppConfig
        do { config = try AppConfig.from(environment: values) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        if demoFlag { config.seedDemo = true }
        let jsonLogs = values["ICEDA_LOG_FORMAT"] == "json"
        let level = Logger.Level(rawValue: values["LOG_LEVEL"] ?? "info") ?? .info
        LoggingSystem.bootstrap { label in
            var handler: LogHandler = jsonLogs ? JSONLogHandler(label: label) : StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }

        let command = environment.arguments.dropFirst().first
        let isServe = command == nil || command == "serve" || command!.hasPrefix("-")
        do {
            let app = try await Application.make(environment)
            do {
                let fileOnly = command == "observatory" && ["benchmark-scores", "benchmark-consistency"].contains(environment.arguments.dropFirst(2).first ?? "")
                try await configure(app, config: config, createDataDirectory: !fileOnly)
                if isServe {
                    try await Bootstrap.prepare(app, demo: config.seedDemo)
                    if config.runWorkerInServer { app.lifecycle.use(InServerWorker()) }
                }
                try await app.execute()
            } catch let failure as CommandFailure {
                FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
                try? await app.asyncShutdown()
                exit(1)
            } catch {
                app.logger.report(error: error)
                try? await app.asyncShutdown()
                exit(1)
            }
            try await app.asyncShutdown()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }
}

/// One JSON object per line: time, level, label, message and metadata (request-id among them).
struct JSONLogHandler: LogHandler {

    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        write(level: event.level, message: event.message, explicit: event.metadata)
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        write(level: level, message: message, explicit: explicit)
    }

    private func write(level: Logger.Level, message: Logger.Message, explicit: Logger.Metadata?) {
        var fields: [String: String] = [
            "time": Date().ISO8601Format(), "level": level.rawValue, "label": label, "message": message.description,
        ]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) { fields[key] = value.description }
        if let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
