"""Messages of ``daihoi serve``: the console in browsers on the LAN (console/serve.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ options
    "serve.opt.tls": {
        "vi": "Mã hoá bằng HTTPS với chứng chỉ tự ký của sự kiện (tạo một lần, lưu cạnh tệp "
        "sự kiện, dùng lại lần sau); in vân tay SHA-256 để các bàn so sánh.",
        "en": "Encrypt with HTTPS using the event's self-signed certificate (made once, kept "
        "beside the event file, reused next time); prints its SHA-256 fingerprint for desks "
        "to compare.",
    },
    "serve.opt.cert": {
        "vi": "Chứng chỉ HTTPS của ban tổ chức (tệp PEM; đi cùng --key).",
        "en": "The organizers' own HTTPS certificate (PEM file; with --key).",
    },
    "serve.opt.key": {
        "vi": "Khoá riêng của chứng chỉ --cert (tệp PEM).",
        "en": "The private key of the --cert certificate (PEM file).",
    },
    "serve.opt.max_consoles": {
        "vi": "Số bàn (thẻ trình duyệt) mở cùng lúc tối đa; mỗi bàn là một tiến trình trên "
        "máy này (mặc định 8).",
        "en": "At most this many desks (browser tabs) at once; each one is a process on this "
        "machine (default 8).",
    },
    # ------------------------------------------------------- command line
    "serve.no_pin": {
        "vi": "Sự kiện chưa có PIN bàn: đặt bằng daihoi pin desk trước khi mở ra mạng LAN.",
        "en": "The event has no desk PIN: set one with daihoi pin desk before serving on the LAN.",
    },
    "serve.listening": {
        "vi": "Mở {url} trong trình duyệt.",
        "en": "Open {url} in a browser.",
    },
    "serve.pin_required": {
        "vi": "Mỗi thẻ trình duyệt phải nhập tên bàn và PIN bàn trước khi thấy dữ liệu; "
        "nhập sai {tries} lần thì máy đó bị khoá {minutes} phút.",
        "en": "Each browser tab must enter its desk name and the desk PIN before seeing any "
        "data; {tries} wrong PINs lock that machine out for {minutes} minutes.",
    },
    "serve.loopback_only": {
        "vi": "Không cần PIN: chỉ trình duyệt trên chính máy này mở được.",
        "en": "No PIN: only a browser on this machine can open it.",
    },
    "serve.cleartext": {
        "vi": "Cảnh báo: HTTP không mã hoá, PIN và danh sách đại biểu đi qua mạng ở dạng rõ. "
        "Dùng --tls (hoặc --cert/--key) để mã hoá.",
        "en": "Warning: plain HTTP, so the PIN and the delegate list cross the network in "
        "clear. Use --tls (or --cert/--key) to encrypt.",
    },
    "serve.cap": {
        "vi": "Tối đa {max} bàn mở cùng lúc (--max-consoles).",
        "en": "At most {max} desks at once (--max-consoles).",
    },
    "serve.cannot_listen": {
        "vi": "Không mở được {address}: {reason}.",
        "en": "Cannot listen on {address}: {reason}.",
    },
    "serve.tls.created": {
        "vi": "Đã tạo chứng chỉ tự ký cho sự kiện trong {path} (dùng lại ở lần chạy sau).",
        "en": "Made the event's self-signed certificate in {path} (reused next time).",
    },
    "serve.tls.fingerprint": {
        "vi": "Vân tay SHA-256 của chứng chỉ: {fingerprint}. Mỗi bàn so sánh với vân tay "
        "trình duyệt hiện trước khi nhập PIN.",
        "en": "Certificate SHA-256 fingerprint: {fingerprint}. Each desk compares it with the "
        "one its browser shows before typing the PIN.",
    },
    "serve.tls.both": {
        "vi": "Chọn --tls hoặc --cert/--key, không dùng cả hai.",
        "en": "Use either --tls or --cert/--key, not both.",
    },
    "serve.tls.pair": {
        "vi": "--cert và --key phải dùng cùng nhau.",
        "en": "--cert and --key go together.",
    },
    "serve.tls.missing": {
        "vi": "Không có tệp {path}.",
        "en": "No such file: {path}.",
    },
    "serve.tls.bad": {
        "vi": "Không dùng được chứng chỉ {cert} với khoá {private_key} (không phải PEM, hoặc không "
        "cùng cặp).",
        "en": "Cannot use certificate {cert} with key {private_key} (not PEM, or not a pair).",
    },
    "serve.log.login": {
        "vi": "{desk} đã vào từ {address}.",
        "en": "{desk} signed in from {address}.",
    },
    "serve.log.locked": {
        "vi": "{address} nhập sai PIN quá nhiều lần: khoá {minutes} phút.",
        "en": "{address} typed too many wrong PINs: locked out for {minutes} minutes.",
    },
    "serve.log.origin": {
        "vi": "Từ chối kết nối từ trang khác: {origin}.",
        "en": "Refused a connection from another page: {origin}.",
    },
    # ------------------------------------------------------------- pages
    "serve.login.title": {"vi": "Mở bàn đón tiếp", "en": "Open a reception desk"},
    "serve.login.desk": {"vi": "Tên bàn", "en": "Desk name"},
    "serve.login.desk_example": {"vi": "Ví dụ: Bàn 3", "en": "For example: Desk 3"},
    "serve.login.pin": {"vi": "PIN bàn", "en": "Desk PIN"},
    "serve.login.submit": {"vi": "Vào", "en": "Open"},
    "serve.login.wrong": {
        "vi": "PIN không đúng. Còn {left} lần thử trước khi bị khoá {minutes} phút.",
        "en": "Wrong PIN. Tries left before a {minutes}-minute lockout: {left}.",
    },
    "serve.login.wait": {
        "vi": "Vừa nhập sai PIN: đợi {seconds} giây rồi nhập lại.",
        "en": "A wrong PIN was just typed: try again in {seconds} s.",
    },
    "serve.login.locked": {
        "vi": "Máy này đã nhập sai PIN quá nhiều lần nên tạm bị khoá. Thử lại sau {minutes} "
        "phút, hoặc hỏi ban tổ chức PIN đúng.",
        "en": "This machine typed too many wrong PINs and is locked out. Try again in "
        "{minutes} minutes, or ask the organizers for the right PIN.",
    },
    "serve.default_desk": {"vi": "Trình duyệt {n}", "en": "Browser {n}"},
    "serve.full.title": {"vi": "Đã đủ bàn", "en": "All desks in use"},
    "serve.full": {
        "vi": "Máy chủ đã mở đủ {max} bàn cùng lúc. Đóng một thẻ không dùng rồi thử lại.",
        "en": "The server already runs {max} desks at once. Close an unused tab, then try again.",
    },
    "serve.full.retry": {"vi": "Thử lại", "en": "Try again"},
    "serve.loading": {"vi": "Đang mở bàn điều hành: {desk}…", "en": "Opening the console: {desk}…"},
    "serve.ended": {"vi": "Phiên làm việc đã kết thúc.", "en": "The session has ended."},
    "serve.restart": {"vi": "Mở lại", "en": "Open again"},
    "serve.refused.origin": {
        "vi": "Từ chối: yêu cầu không đến từ trang của máy chủ này.",
        "en": "Refused: the request does not come from this server's own page.",
    },
    "serve.refused.login": {
        "vi": "Từ chối: thẻ này chưa nhập PIN bàn (hoặc phiên đã hết hạn).",
        "en": "Refused: this tab has not entered the desk PIN (or its session expired).",
    },
    "serve.refused.host": {
        "vi": "Từ chối: máy chủ này chỉ trả lời địa chỉ 127.0.0.1 hoặc localhost.",
        "en": "Refused: this server answers only to 127.0.0.1 or localhost.",
    },
}
