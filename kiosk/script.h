// kiosk/script.h: the automation script format (docs/automation.md is its manual).
//
// One step per line; '#' starts a comment line; words are separated by spaces; text with spaces
// goes in double quotes ("\"" and "\\" escape a quote and a backslash, "\n" is a newline).
//
//   tap X Y                       tap at a pixel position
//   tap "Label"                   tap the centre of the widget whose visible label is Label
//   drag X1 Y1 X2 Y2 [DURATION]   drag from one point to another (default 300ms)
//   drag "Label" DX DY [DURATION] drag starting on a widget, by DX, DY pixels
//   type "text"                   type text (as a hardware keyboard would)
//   key NAME                      press a key: Enter Backspace Tab Escape Delete Space Left
//                                 Right Up Down Home End PageUp PageDown KeypadEnter
//   wait DURATION                 let real time pass (the loop sleeps as it would for visitors)
//   advance DURATION              move the virtual clock forward at once (timeouts)
//   clock YYYY-MM-DDTHH:MM:SSZ    set the virtual wall clock (UTC)
//   screenshot NAME               write NAME.png into --screenshot-dir
//   expect screen NAME            VisitorUi::ScreenName() must be NAME
//   expect language LANG          VisitorUi::Language() must be LANG
//   expect outbox N               the outbox must hold N operations
//   expect booked KEY "text"      the newest booking in the outbox has form value KEY = text
//   expect field "Name" "text"    the text field named (or showing) Name holds exactly text
//   expect widget "Label"         a widget with this label is on screen
//   expect no-widget "Label"      no widget with this label is on screen
//   expect spoken "text"          the last read-aloud call contained this text
//   expect stopped                the last read-aloud call was Stop()
//
// DURATION: 500ms, 2s, 1.5s, 2m. The parser checks everything it can before the program runs:
// a malformed script fails with its file and line and never half-runs.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk {

enum class StepKind {
    TapAt,
    TapLabel,
    DragAt,
    DragLabel,
    Type,
    Key,
    Wait,
    Advance,
    Clock,
    Screenshot,
    ExpectScreen,
    ExpectLanguage,
    ExpectOutbox,
    ExpectBooked,
    ExpectField,
    ExpectWidget,
    ExpectNoWidget,
    ExpectSpoken,
    ExpectStopped,
};

struct Step {
    StepKind kind = StepKind::Wait;
    int line = 0;
    float x = 0, y = 0;      // TapAt, DragAt start
    float x2 = 0, y2 = 0;    // DragAt end; DragLabel offset
    double seconds = 0;      // Wait, Advance, drag duration
    long long number = 0;    // ExpectOutbox count; Clock UTC seconds
    std::string text;        // label, typed text, key name, screen, language, file name, KEY
    std::string value;       // ExpectBooked, ExpectField: the expected text
};

struct Script {
    std::string file;
    std::vector<Step> steps;
};

// Error code "script_invalid", message "FILE:LINE: what is wrong".
base::Result<Script> ParseScript(const std::string& text, const std::string& file_name);
base::Result<Script> LoadScript(const std::string& path);

// The key names `key` accepts.
const std::vector<std::string>& ScriptKeyNames();

// "tap \"Home\"" style description of a step, for logs and failure messages.
std::string DescribeStep(const Step& step);

}  // namespace kiosk
