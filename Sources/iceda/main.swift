// The `iceda` executable: reads the configuration, builds the app, runs the command.
import IcedaApp

await Entrypoint.run()
