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
}
