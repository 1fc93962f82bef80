// kiosk/staff_hooks.h: what the staff screens need from the program (ui::StaffHooks): this
// device's name, the firmware version, the sync client's state and "sync now", and importing a
// signed bundle from a file. ui/ may not use sync/; these callbacks are the bridge.
#pragma once

#include <string>

#include "kiosk/config.h"
#include "ui/staff_hooks.h"

namespace ksync { class SyncClient; }

namespace kiosk {

// The firmware's version: the first line of /usr/share/kiosk/version (written by the image
// build) or "dev" for a build run from a source tree.
std::string FirmwareVersion();

// `sync` may be null (sync off, or not built); it must outlive the hooks (the App owns both and
// destroys the UI first). `staff_laptop` (kiosk --staff) names the device "laptop:<host>".
ui::StaffHooks MakeStaffHooks(const KioskConfig& config, bool staff_laptop, ksync::SyncClient* sync);

}  // namespace kiosk
