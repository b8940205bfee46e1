// WeatherClient is generated at build time from weather.ncp.yaml by NCPCodegenBuildPlugin.

/// Where the example's weather service lives.
public enum WeatherAPI {
    /// The made-up production host of the example spec.
    public static let host = "weather.example.com"
}
