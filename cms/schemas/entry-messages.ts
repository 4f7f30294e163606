/**
 * The contest entry form's messages, by key, in both languages: the schema (./entry.ts), the
 * picture checks (cms/services/artwork.ts) and the entry service report keys, and the page that
 * shows them translates here.
 */
export const ENTRY_MESSAGES = {
  required: { vi: 'Vui lòng điền mục này.', en: 'Please fill this in.' },
  'too-long': { vi: 'Nội dung quá dài.', en: 'This is too long.' },
  'invalid-characters': { vi: 'Có ký tự không hợp lệ (xuống dòng hoặc < >).', en: 'This contains characters that are not allowed (line breaks or < >).' },
  'invalid-phone': { vi: 'Số điện thoại không hợp lệ.', en: 'This phone number is not valid.' },
  'invalid-email': { vi: 'Địa chỉ thư điện tử không hợp lệ.', en: 'This email address is not valid.' },
  'contact-required': { vi: 'Cần số điện thoại hoặc thư điện tử để liên hệ.', en: 'A phone number or an email address is needed.' },
  'invalid-date': { vi: 'Ngày không hợp lệ (ví dụ 31/12/2016).', en: 'This date is not valid (e.g. 31/12/2016).' },
  'birth-date-out-of-range': { vi: 'Ngày sinh phải của trẻ dưới 18 tuổi.', en: 'The birth date must be that of a child under 18.' },
  'consent-required': { vi: 'Cần sự đồng ý của cha mẹ hoặc người giám hộ để bài được dự thi.', en: "A parent's or guardian's consent is needed for the picture to take part." },
  'assent-required': { vi: 'Trẻ từ 7 tuổi cần tự đồng ý tham gia.', en: 'A child aged 7 or over must agree to take part too.' },
  'publication-assent-required': { vi: 'Trẻ từ 7 tuổi cần tự đồng ý để tranh được công bố kèm tên; nếu không, hãy bỏ chọn công bố.', en: 'A child aged 7 or over must agree too for the picture to be shown with their name; otherwise untick publication.' },
  'area-required': { vi: 'Hãy chọn xã, phường nơi trẻ sống.', en: 'Please choose the commune the child lives in.' },
  'invalid-form': { vi: 'Biểu mẫu không hợp lệ, vui lòng tải lại trang.', en: 'The form is not valid; please reload the page.' },
  'picture-required': { vi: 'Hãy chọn ảnh chụp hoặc bản quét bức tranh.', en: 'Please choose a photo or a scan of the picture.' },
  'file-too-large': { vi: 'Ảnh quá lớn: tối đa {max}. Hãy chụp lại với chất lượng thấp hơn hoặc gửi ảnh đã thu nhỏ.', en: 'The picture is too large: {max} at most. Take it again at a lower quality or send a smaller copy.' },
  'not-an-image': { vi: 'Tệp này không phải ảnh JPEG, PNG hay WebP. Hãy gửi ảnh chụp hoặc bản quét bức tranh.', en: 'This file is not a JPEG, PNG or WebP picture. Please send a photo or a scan of the drawing.' },
  heic: {
    vi: 'Ảnh HEIC (iPhone) chưa được nhận. Trên iPhone: Cài đặt › Camera › Định dạng › "Tương thích nhất" rồi chụp lại; hoặc chia sẻ ảnh qua Zalo, Messenger rồi lưu lại (ảnh sẽ thành JPEG).',
    en: 'HEIC pictures (iPhone) are not accepted yet. On the iPhone: Settings › Camera › Formats › "Most Compatible", then take it again; or share it through a chat app and save it back (it becomes a JPEG).',
  },
  'too-many-pixels': { vi: 'Ảnh có quá nhiều điểm ảnh ({megapixels} megapixel; tối đa {max}). Hãy gửi ảnh nhỏ hơn.', en: 'The picture has too many pixels ({megapixels} megapixels; {max} at most). Please send a smaller one.' },
  'too-small': { vi: 'Ảnh quá nhỏ để ban giám khảo xem rõ (cạnh ngắn ít nhất {min} điểm ảnh).', en: 'The picture is too small for the jury to see (at least {min} pixels on the short side).' },
  unreadable: { vi: 'Không đọc được ảnh (tệp có thể bị hỏng). Hãy chụp hoặc quét lại.', en: 'The picture could not be read (the file may be damaged). Please take or scan it again.' },
} as const satisfies Record<string, { vi: string; en: string }>

export type EntryMessageKey = keyof typeof ENTRY_MESSAGES
