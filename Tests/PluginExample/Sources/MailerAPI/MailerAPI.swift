// MailerClient is generated into GeneratedClient/ by `swift package --allow-writing-to-package-directory
// generate-ncp-client --target MailerAPI` and committed; CI checks it with `--check`. SwiftPM needs at least one
// Swift file in a target's folder before the plugin can see it, which this file is.
