// Where the design system's static files are.
import Foundation

public enum DesignSystemResources {
    /// The one stylesheet of the site.
    public static var stylesheetURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Public").appendingPathComponent("app.css")
    }

    /// The autosave script of long forms (progressive enhancement; every form works without it).
    public static var autosaveScriptURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Public").appendingPathComponent("autosave.js")
    }

    /// The offline queue of the centres' case form, and its service worker (progressive enhancement).
    public static var offlineCasesScriptURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Public").appendingPathComponent("offline-cases.js")
    }

    public static var offlineWorkerURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Public").appendingPathComponent("offline-worker.js")
    }

    public static let offlineCasesScriptVersion: String = version(of: offlineCasesScriptURL)

    /// A short hash of the stylesheet (FNV-1a, 32 bits, hexadecimal).
    public static let stylesheetVersion: String = version(of: stylesheetURL)

    /// A short hash of the autosave script.
    public static let autosaveScriptVersion: String = version(of: autosaveScriptURL)

    static func version(of url: URL) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in (try? Data(contentsOf: url)) ?? Data() {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return String(hash, radix: 16)
    }
}
