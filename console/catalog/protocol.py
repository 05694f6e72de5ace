"""Messages of protocol: guests, introductions, seats and name plates."""

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- reading guest lists
    "import.bad_rank": {
        "vi": 'thứ tự lễ tân "{value}" không phải số nguyên từ 1',
        "en": 'protocol rank "{value}" is not a whole number from 1',
    },
    "import.bad_appointed": {
        "vi": 'ngày bổ nhiệm "{value}" không đọc được',
        "en": 'appointment date "{value}" cannot be read',
    },
    "import.field.protocol_rank": {"vi": "thứ tự lễ tân", "en": "protocol rank"},
    "import.field.side": {"vi": "về phía", "en": "side"},
    "import.field.appointed": {"vi": "ngày bổ nhiệm", "en": "appointed"},
    "import.field.guest": {"vi": "khách mời", "en": "guest"},
    # ---------------------------------------------------------------- guests
    "guests.not_guest": {
        "vi": "Đại biểu số {id} ({name}) không phải khách mời (thành phần không ghi "
        '"Khách mời" và không có trong danh sách khách mời).',
        "en": "Delegate {id} ({name}) is not a guest (their category does not say "
        '"Khách mời" and they did not come from a guest list).',
    },
    "guests.bad_rank": {
        "vi": "Thứ tự lễ tân phải từ 1 trở lên (nhận {rank}).",
        "en": "A protocol rank is 1 or more (got {rank}).",
    },
    # ---------------------------------------------------------------- seats
    "seats.plan_syntax": {
        "vi": "{path}: không đọc được sơ đồ hội trường (TOML): {detail}",
        "en": "{path}: the hall plan cannot be read (TOML): {detail}",
    },
    "seats.plan_no_zones": {
        "vi": "{path}, {where}: sơ đồ cần ít nhất một khu [[zones]] với name, rows, seats.",
        "en": "{path}, {where}: a plan needs at least one [[zones]] with name, rows, seats.",
    },
    "seats.plan_unknown_key": {
        "vi": "{path}, {where}: khóa không biết (dùng name, kind, floor, rows, seats, "
        "reserved_rows).",
        "en": "{path}, {where}: unknown key (use name, kind, floor, rows, seats, reserved_rows).",
    },
    "seats.plan_unknown_top_key": {
        "vi": "{path}, {where}: khóa không biết (đầu tệp chỉ có title và các khu [[zones]]).",
        "en": "{path}, {where}: unknown key (the top of the file has title and [[zones]] only).",
    },
    "seats.plan_no_name": {
        "vi": '{path}, {where}: mỗi khu cần một tên, ví dụ name = "Khu A".',
        "en": '{path}, {where}: every zone needs a name, e.g. name = "Khu A".',
    },
    "seats.plan_zones_alike": {
        "vi": '{path}, {where}: khu "{zone}" và khu "{other}" đọc như nhau trong số ghế '
        '("{zone}, hàng 1, ghế 1"); đổi tên một khu.',
        "en": '{path}, {where}: zones "{zone}" and "{other}" read alike in a seat\'s text '
        '("{zone}, hàng 1, ghế 1"); rename one of them.',
    },
    "seats.plan_kind": {
        "vi": '{path}, {where}: kind là "hall" (hội trường) hoặc "stage" (Đoàn Chủ tịch).',
        "en": '{path}, {where}: kind is "hall" or "stage" (the presidium\'s table).',
    },
    "seats.plan_rows_mismatch": {
        "vi": "{path}, {where}: số hàng khác số phần tử của seats.",
        "en": "{path}, {where}: rows differs from the number of entries in seats.",
    },
    "seats.plan_number": {
        "vi": "{path}, {where}: cần số nguyên từ 1 (số hàng, số ghế mỗi hàng).",
        "en": "{path}, {where}: a whole number from 1 is needed (rows, seats per row).",
    },
    "seats.plan_reserved": {
        "vi": "{path}, {where}: số hàng dành cho khách mời phải từ 0 đến số hàng của khu.",
        "en": "{path}, {where}: reserved rows must be between 0 and the zone's rows.",
    },
    "seats.plan_too_big": {
        "vi": "{path}, {where}: sơ đồ quá {most} ghế; kiểm tra lại số hàng, số ghế.",
        "en": "{path}, {where}: the plan has more than {most} seats; check rows and seats.",
    },
    "seats.cannot_read": {
        "vi": "Không đọc được {path}: {reason}",
        "en": "Cannot read {path}: {reason}",
    },
    "seats.hall_too_small": {
        "vi": "Hội trường không đủ chỗ: {people} người chưa có ghế, chỉ còn {seats} ghế. "
        "Chưa xếp ai; thêm hàng trong sơ đồ (daihoi seats hall).",
        "en": "The hall is too small: {people} people without a seat, {seats} seats left. "
        "Nobody was seated; add rows to the plan (daihoi seats hall).",
    },
    "seats.not_on_plan": {
        "vi": 'Không có ghế "{seat}" trong sơ đồ (viết như "Khu A, hàng 3, ghế 12").',
        "en": 'No seat "{seat}" on the plan (write it as "Khu A, hàng 3, ghế 12").',
    },
    "seats.taken": {
        "vi": "{seat} đã có người ngồi: đại biểu số {id} ({name}).",
        "en": "{seat} is taken: delegate {id} ({name}).",
    },
    "seats.no_seat": {
        "vi": "Đại biểu số {id} chưa có ghế để nhường.",
        "en": "Delegate {id} has no seat to hand over.",
    },
    # ---------------------------------------------------------------- command line
    "cli.introductions": {
        "vi": "In lời giới thiệu đại biểu theo thứ tự lễ tân: chỉ khách mời đã có mặt, nhóm "
        'theo "Về phía …"; khách chưa đến để riêng. -o ghi kịch bản cho người dẫn chương '
        "trình (.pdf hoặc .docx).\n\n"
        "Ví dụ: daihoi introductions -o gioi-thieu.docx",
        "en": "Print the introduction of guests in protocol order: guests checked in only, "
        'grouped "Về phía …"; those not arrived apart. -o writes the MC\'s script (.pdf or '
        ".docx).\n\n"
        "Example: daihoi introductions --json",
    },
    "cli.opt.script": {
        "vi": "Ghi kịch bản giới thiệu ra tệp .pdf hoặc .docx.",
        "en": "Write the introduction script to a .pdf or .docx file.",
    },
    "intro.written": {
        "vi": "Đã ghi kịch bản giới thiệu {present} khách mời có mặt vào {path}.",
        "en": "Wrote the introduction of {present} guests present to {path}.",
    },
    "intro.not_arrived": {
        "vi": "Chưa đến ({n}, không đọc):",
        "en": "Not arrived ({n}, not read):",
    },
    "intro.no_guests": {
        "vi": 'Chưa có khách mời (thành phần "Khách mời" hoặc daihoi import guests).',
        "en": 'No guests yet (category "Khách mời" or daihoi import guests).',
    },
    "script.bad_suffix": {
        "vi": "{path}: kịch bản ghi ra .pdf hoặc .docx.",
        "en": "{path}: the script is written as .pdf or .docx.",
    },
    "cli.guests": {
        "vi": "Danh sách khách mời theo thứ tự lễ tân (số, thứ tự, có mặt, tên, chức vụ, phía)."
        "\n\nVí dụ: daihoi guests --json",
        "en": "The guests in protocol order (id, rank, present, name, position, side)."
        "\n\nExample: daihoi guests --json",
    },
    "cli.guests.rank": {
        "vi": 'Đặt thứ tự lễ tân của một khách mời ("-" để bỏ); ghi vào nhật ký.\n\n'
        "Ví dụ: daihoi guests rank 57 2",
        "en": 'Set a guest\'s protocol rank ("-" to clear); journaled.\n\n'
        "Example: daihoi guests rank 57 2",
    },
    "cli.guests.side": {
        "vi": "Đặt phía của một khách mời (tiêu đề nhóm khi giới thiệu); ghi vào nhật ký.\n\n"
        'Ví dụ: daihoi guests side 57 "Về phía Trung ương"',
        "en": "Set the side a guest is introduced under; journaled.\n\n"
        'Example: daihoi guests side 57 "Về phía Trung ương"',
    },
    "guests.here": {"vi": "có mặt", "en": "here   "},
    "guests.away": {"vi": "chưa đến", "en": "away   "},
    "guests.ranked": {
        "vi": "{name}: thứ tự lễ tân {rank}.",
        "en": "{name}: protocol rank {rank}.",
    },
    "guests.rank_number": {
        "vi": '"{value}" không phải số (dùng "-" để bỏ thứ tự).',
        "en": '"{value}" is not a number (use "-" to clear the rank).',
    },
    "guests.sided": {"vi": "{name}: về phía {side}.", "en": "{name}: side {side}."},
    "cli.import.guests": {
        "vi": "Nhập danh sách khách mời (.xlsx, .xls, .csv, .docx …, như danh sách đại biểu): "
        'mọi dòng là khách mời; đọc cột "Thứ tự lễ tân", "Về phía", "Chức vụ", "Ngày bổ nhiệm"; '
        "không có thứ tự thì theo thứ tự trong danh sách.\n\n"
        "Ví dụ: daihoi import guests khach-moi.xlsx --dry-run",
        "en": "Import a guest list (.xlsx, .xls, .csv, .docx …, like a delegate list): every "
        'row is a guest; reads "Thứ tự lễ tân", "Về phía", "Chức vụ", "Ngày bổ nhiệm"; without '
        "a rank, the list's own order is the rank.\n\n"
        "Example: daihoi import guests khach-moi.xlsx --dry-run",
    },
    "cli.seats": {
        "vi": "Sơ đồ hội trường và chỗ ngồi: xếp ghế, đổi ghế, in sơ đồ.\n\n"
        "Ví dụ: daihoi seats assign",
        "en": "The hall plan and seats: assign, move, print the plan.\n\n"
        "Example: daihoi seats assign",
    },
    "cli.seats.assign": {
        "vi": "Xếp ghế cho mọi người chưa có ghế: Đoàn Chủ tịch trên sân khấu, khách mời theo "
        "thứ tự lễ tân ở các hàng đầu, người nhận khen thưởng gần lối đi và phía trước, mỗi "
        "đoàn ngồi liền nhau; ghế đã có (từ danh sách) giữ nguyên.\n\n"
        "Ví dụ: daihoi seats assign --dry-run",
        "en": "Seat everyone without a seat: the presidium on stage, guests by protocol rank "
        "in the front rows, honourees near the aisle and the front, each delegation together; "
        "seats already given (by the list) are kept.\n\n"
        "Example: daihoi seats assign --dry-run",
    },
    "cli.seats.move": {
        "vi": 'Đổi ghế của một đại biểu ("" để bỏ ghế); ghi vào nhật ký.\n\n'
        'Ví dụ: daihoi seats move 57 "Khu A, hàng 3, ghế 12"',
        "en": 'Move a delegate to another seat ("" clears it); journaled.\n\n'
        'Example: daihoi seats move 57 "Khu A, hàng 3, ghế 12"',
    },
    "cli.seats.hall": {
        "vi": "Không có TỆP: in sơ đồ hội trường (TOML) đang dùng để sửa; có TỆP: nạp sơ đồ "
        "đã sửa vào sự kiện.\n\n"
        "Ví dụ: daihoi seats hall > hoi-truong.toml; daihoi seats hall hoi-truong.toml",
        "en": "Without FILE: print the hall plan in use (TOML) to edit; with FILE: load the "
        "edited plan into the event.\n\n"
        "Example: daihoi seats hall > hall.toml; daihoi seats hall hall.toml",
    },
    "cli.seats.plan": {
        "vi": "In sơ đồ chỗ ngồi ra PDF: mỗi khu một trang, tô màu theo đoàn, có chú thích."
        "\n\nVí dụ: daihoi seats plan -o so-do.pdf",
        "en": "Print the seating plan as a PDF: one page per zone, coloured by delegation, "
        "with a legend.\n\nExample: daihoi seats plan -o plan.pdf",
    },
    "cli.opt.plan_out": {"vi": "Tệp PDF sơ đồ cần ghi.", "en": "PDF file to write."},
    "seats.assigned": {
        "vi": "Đã xếp {given} ghế; giữ nguyên {kept} ghế đã có.",
        "en": "Gave {given} seats; kept {kept} seats already given.",
    },
    "seats.off_plan": {
        "vi": 'Đại biểu số {id}: ghế "{seat}" không có trong sơ đồ, giữ nguyên (kiểm tra lại).',
        "en": 'Delegate {id}: seat "{seat}" is not on the plan, kept as is (check it).',
    },
    "seats.off_plan_more": {
        "vi": "… và {more} ghế khác không có trong sơ đồ (daihoi seats assign --json liệt kê đủ).",
        "en": "… and {more} other seats not on the plan (daihoi seats assign --json lists all).",
    },
    "seats.doubled": {
        "vi": "{seat} đã ghi cho nhiều người ({ids}): giữ nguyên, cần đổi ghế bằng tay.",
        "en": "{seat} was given to several people ({ids}): kept, move them by hand.",
    },
    "seats.moved": {"vi": "{name}: {seat}.", "en": "{name}: {seat}."},
    "seats.hall_saved": {
        "vi": "Đã nạp sơ đồ {path}: {zones} khu, {seats} ghế.",
        "en": "Loaded the plan {path}: {zones} zones, {seats} seats.",
    },
    "seats.plan_written": {
        "vi": "Đã ghi sơ đồ {pages} trang, {people} người có ghế, vào {path}.",
        "en": "Wrote the plan, {pages} pages, {people} people seated, to {path}.",
    },
    "cli.nameplates": {
        "vi": "In biển tên để bàn (gấp đôi, tên và chức vụ ở cả hai mặt) cho Đoàn Chủ tịch và "
        "các hàng khách mời, theo thứ tự chỗ ngồi. Khách thay người: --replace CŨ --delegate "
        "MỚI nhường ghế và in biển mới một lần.\n\n"
        "Ví dụ: daihoi nameplates -o bien-ten.pdf --paper a4",
        "en": "Print folded table name plates (name and title on both faces) for the presidium "
        "and the guests' rows, in seating order. A guest replaced on the day: --replace OLD "
        "--delegate NEW hands over the seat and prints the new plate in one step.\n\n"
        "Example: daihoi nameplates -o plates.pdf --paper a5",
    },
    "cli.opt.plates_out": {"vi": "Tệp PDF biển tên cần ghi.", "en": "PDF file to write."},
    "cli.opt.paper": {
        "vi": "Khổ giấy: a4 (mặt 297 × 105 mm) hoặc a5 (mặt 210 × 74 mm).",
        "en": "Paper: a4 (faces of 297 × 105 mm) or a5 (faces of 210 × 74 mm).",
    },
    "cli.opt.plate_delegate": {
        "vi": "Chỉ in biển tên của đại biểu số này (lặp lại được).",
        "en": "Only this delegate's plate, by id (repeatable).",
    },
    "cli.opt.plate_replace": {
        "vi": "Số của khách được thay: người ở --delegate nhận ghế của họ.",
        "en": "Id of the guest replaced: the --delegate takes their seat.",
    },
    "plates.replace_one": {
        "vi": "--replace cần đúng một --delegate (người thay).",
        "en": "--replace needs exactly one --delegate (the substitute).",
    },
    "plates.replaced": {
        "vi": "{new} thay {old}: {seat}.",
        "en": "{new} replaces {old}: {seat}.",
    },
    "plates.nobody": {
        "vi": "Chưa có ai cần biển tên (Đoàn Chủ tịch, khách mời).",
        "en": "Nobody needs a name plate yet (presidium, guests).",
    },
    "plates.written": {
        "vi": "Đã ghi {n} biển tên khổ {paper} vào {path}.",
        "en": "Wrote {n} name plates on {paper} to {path}.",
    },
    "plates.bad_paper": {
        "vi": "Khổ giấy {paper}: dùng a4 hoặc a5.",
        "en": "Paper {paper}: use a4 or a5.",
    },
    "plates.no_glyph": {
        "vi": "Phông chữ không in được ký tự {chars} trong biển tên của {name}.",
        "en": "The font cannot print {chars} on {name}'s plate.",
    },
    # ---------------------------------------------------------------- console screens
    "key.introductions": {"vi": "Giới thiệu đại biểu", "en": "Introductions"},
    "intro.panel_title": {
        "vi": "Giới thiệu đại biểu: {n} khách mời có mặt",
        "en": "Introductions: {n} guests present",
    },
    "intro.panel_not_arrived": {"vi": "Chưa đến ({n}):", "en": "Not arrived ({n}):"},
    "intro.panel_salutation": {"vi": "Lời chào:", "en": "Salutation:"},
    "intro.panel_none": {
        "vi": "Chưa có khách mời nào có mặt.",
        "en": "No guest is present yet.",
    },
    "screen.seats": {"vi": "Sơ đồ hội trường", "en": "Hall plan"},
    "seats.view_title": {
        "vi": "{title}: {seated}/{capacity} ghế đã xếp",
        "en": "{title}: {seated}/{capacity} seats given",
    },
    "seats.zone_line": {
        "vi": "{zone}{floor}: {seated}/{capacity} ghế",
        "en": "{zone}{floor}: {seated}/{capacity} seats",
    },
    "seats.legend": {"vi": "Chú giải", "en": "Legend"},
    "seats.legend_free": {"vi": "ghế trống", "en": "free seat"},
    "seats.legend_reserved": {
        "vi": "hàng dành cho khách mời",
        "en": "rows reserved for guests",
    },
    "seats.off_plan_count": {
        "vi": "{n} ghế ngoài sơ đồ (danh sách ghi số ghế riêng)",
        "en": "{n} seats off the plan (the list's own numbering)",
    },
    "seats.row_label": {"vi": "H{row}", "en": "R{row}"},
    "key.seat_move": {"vi": "Đổi ghế", "en": "Move a seat"},
    "key.seat_zone": {"vi": "Khu kế tiếp", "en": "Next zone"},
    "seats.ask_who": {
        "vi": "Đổi ghế cho ai (gõ tên)?",
        "en": "Whose seat to change (type a name)?",
    },
    # a seat is written as the plan stores it, in either language
    "seats.ask_seat.example": {
        "vi": "Khu A, hàng 3, ghế 12",
        "en": "Khu A, hàng 3, ghế 12 (zone, row, seat)",
    },
    "seats.ask_seat": {
        "vi": "Ghế mới của {name} (đang: {seat}; để trống: bỏ ghế):",
        "en": "{name}'s new seat (now: {seat}; empty: no seat):",
    },
    "seats.no_seat_yet": {"vi": "chưa có", "en": "none"},
    "pin.action.seat_move": {"vi": "đổi ghế", "en": "move a seat"},
}
