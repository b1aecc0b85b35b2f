# The Homebrew cask of notegui (for a tap, or homebrew/cask). A template:
# packaging/update_manifests.py fills in the version and the disk images' checksums from the
# release's SHA256SUMS; the release workflow attaches the filled copy to each release.
# `brew upgrade --cask notegui` replaces the app; the library in
# ~/Library/Application Support/notegui stays (only `brew uninstall --zap` removes it).
cask "notegui" do
  arch arm: "arm64", intel: "x86_64"

  version "@VERSION@"
  sha256 arm:   "@SHA256_ARM64@",
         intel: "@SHA256_X86_64@"

  url "https://github.com/notegui/notegui/releases/download/v#{version}/notegui-#{version}-#{arch}.dmg"
  name "notegui"
  desc "Read, search and annotate a library of linked question notes"
  homepage "https://github.com/notegui/notegui"

  depends_on macos: ">= :ventura"

  app "notegui.app"

  zap trash: [
    "~/Library/Application Support/notegui",
    "~/Library/Logs/notegui",
  ]
end
