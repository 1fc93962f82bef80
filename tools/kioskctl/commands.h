// tools/kioskctl/commands.h: one function per kioskctl command. Each returns the exit code:
// 0 success, 1 failure (or validation errors), 2 usage error.
#pragma once

#include "tools/kioskctl/cli.h"

namespace kioskctl {

// commands_admin.cpp
int CmdInit(const Args& args);
int CmdImportHsds(const Args& args);
int CmdExportHsds(const Args& args);
int CmdDemo(const Args& args);
int CmdValidate(const Args& args);
int CmdDump(const Args& args);

// commands_content.cpp
int CmdCategories(const Args& args);
int CmdServices(const Args& args);
int CmdService(const Args& args);
int CmdSearch(const Args& args);
int CmdCourses(const Args& args);
int CmdStats(const Args& args);

// commands_update.cpp
int CmdUpdate(const Args& args);

}  // namespace kioskctl
