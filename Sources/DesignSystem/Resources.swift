// Where the design system's static files are.
import Foundation

public enum DesignSystemResources {
    /// The one stylesheet of the site.
    public static var stylesheetURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Public").appendingPathComponent("app.css")
    }

    /// A short hash of the stylesheet (FNV-1a, 32 bits, hexadecimal).
    public static let stylesheetVersion: String = {
        var hash: UInt32 = 2_166_136_261
        for byte in (try? Data(contentsOf: stylesheetURL)) ?? Data() {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return String(hash, radix: 16)
    }()
}
