// Where the design system's static files are.
import Foundation

public enum DesignSystemResources {
    /// The one stylesheet of the site.
    public static var stylesheetURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Public").appendingPathComponent("app.css")
    }
}
